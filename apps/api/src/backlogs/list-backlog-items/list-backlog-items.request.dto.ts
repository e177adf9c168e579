import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

/** `ranked`: open and in-progress items by rank (the backlog); the others: items that left the ranking that way. */
export const ITEM_LIST_STATUSES = ['ranked', 'anti-backlog', 'killed', 'delivered'] as const;
export type ItemListStatus = (typeof ITEM_LIST_STATUSES)[number];

export class ListBacklogItemsQueryDto {
  @ApiPropertyOptional({
    description: 'Reconstruct the ranking as it stood at this instant (ISO-8601 date, or date-time with a timezone; 1970-9999)',
    format: 'date-time',
    example: '2026-01-31T12:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  at?: string;

  @ApiPropertyOptional({
    enum: ITEM_LIST_STATUSES,
    default: 'ranked',
    description: '`ranked` (default): the ranked backlog, 1 = top. Otherwise the items with that status, most recently decided first (position null).',
  })
  @IsOptional()
  @IsIn(ITEM_LIST_STATUSES)
  status?: ItemListStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}
