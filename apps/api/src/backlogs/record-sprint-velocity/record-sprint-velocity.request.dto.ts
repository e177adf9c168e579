import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class RecordSprintVelocityRequestDto {
  @ApiProperty({ description: 'Sprint label, unique within the backlog', minLength: 1, maxLength: 60, example: 'Sprint 42' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  sprint: string;

  @ApiProperty({ description: 'Last day of the sprint (YYYY-MM-DD)', format: 'date', example: '2025-03-14' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn must be a date (YYYY-MM-DD)' })
  endedOn: string;

  @ApiProperty({ description: 'Story points completed in the sprint', minimum: 0, maximum: 10000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10000)
  points: number;

  @RationaleField()
  rationale: string;
}
