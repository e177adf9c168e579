import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class SetKillCriteriaRequestDto {
  @ApiProperty({ description: 'The explicit exit condition: when this holds, the item should be killed', minLength: 10, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  exitCondition: string;

  @ApiProperty({ description: 'Review-by date (YYYY-MM-DD), today or later', format: 'date', example: '2030-01-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewBy must be a date (YYYY-MM-DD)' })
  reviewBy: string;

  @RationaleField()
  rationale: string;
}
