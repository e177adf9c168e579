import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ExportEventsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() backlogId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() itemId?: string;
  @ApiPropertyOptional({ example: 'item.reprioritized', pattern: '^[a-z]+\\.[a-z-]+$', maxLength: 100 })
  @IsOptional() @IsString() @Matches(/^[a-z]+\.[a-z-]+$/) @MaxLength(100) type?: string;
  @ApiPropertyOptional({ description: 'Actor id (token subject)', maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) actor?: string;
  @ApiPropertyOptional({ description: 'Decisions that occurred at or after (ISO-8601 date, or date-time with a timezone; 1970-9999)', format: 'date-time' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) from?: string;
  @ApiPropertyOptional({ description: 'Decisions that occurred before (ISO-8601 date, or date-time with a timezone; 1970-9999)', format: 'date-time' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) to?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Page cursor: global position to start after', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) after?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000, default: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) limit?: number;
}
