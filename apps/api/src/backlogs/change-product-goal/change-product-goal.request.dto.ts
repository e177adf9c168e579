import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class ChangeProductGoalRequestDto {
  @ApiProperty({ description: 'The new product goal', minLength: 10, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  productGoal: string;

  @RationaleField()
  rationale: string;
}
