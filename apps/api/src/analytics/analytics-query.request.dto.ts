import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class AnalyticsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Compute as of this instant (default: now)' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) at?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the period (inclusive; default: 90 days before `to`)' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the period (exclusive; default: `at`)' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Wait until analytics include this global position (from a write response)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minPosition?: number;
}

export const TREND_METRICS = ['zombies', 'reversal-rate', 'size-in-sprints', 'against-score'] as const;

export class TrendQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({ enum: TREND_METRICS, default: 'zombies' })
  @IsOptional() @IsIn(TREND_METRICS) metric?: (typeof TREND_METRICS)[number];

  @ApiPropertyOptional({ enum: ['week'], default: 'week' })
  @IsOptional() @IsIn(['week']) every?: 'week';
}
