import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ExtendDeadlineRequestDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The new deadline (with a timezone); give this or `days`', example: '2026-02-01T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  closesAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: 'Days added to the current deadline; give this or `closesAt`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiProperty({ description: 'Why the deadline moves (recorded; a deadline moves at most once)', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
