import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { MOVE_SCALES, type MoveScale } from '@ledger/domain';
import { ReprioritizeItemRequestDto } from '../items/reprioritize-item/reprioritize-item.request.dto';

/**
 * `move` of an imported `item.reprioritize` line (docs/import-format.md, ADR 0025): a move whose place in the
 * ranking the source did not record. Import-only: over HTTP an owner moves an item to a known position.
 */
export class ImportMoveDto {
  @IsIn(MOVE_SCALES)
  scale: MoveScale;

  @IsIn(['up', 'down'])
  direction: 'up' | 'down';

  @IsBoolean()
  approximate: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  fromLevel?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  toLevel?: number | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  from?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  to?: string | null;
}

/** The HTTP body of a reprioritization, plus `move` (then without a placement). */
export class ImportReprioritizeDto extends ReprioritizeItemRequestDto {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ImportMoveDto)
  move?: ImportMoveDto;
}
