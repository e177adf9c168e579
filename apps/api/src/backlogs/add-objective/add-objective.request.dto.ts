import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class AddObjectiveRequestDto {
  @ApiProperty({ description: 'The outcome sought', minLength: 1, maxLength: 200, example: 'New teams get value in their first week' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'How progress is measured', minLength: 1, maxLength: 200, example: 'Week-1 activation rate' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  metric: string;

  @ApiPropertyOptional({ description: 'Target value of the metric', maxLength: 200, example: '40%' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  target?: string;

  @RationaleField()
  rationale: string;
}
