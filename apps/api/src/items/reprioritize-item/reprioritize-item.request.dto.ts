import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { REPRIORITIZATION_TRIGGERS, type ReprioritizationTrigger } from '@ledger/domain';
import { RationaleField } from '../../http/dto';

export class PlacementFields {
  @ApiPropertyOptional({ type: 'integer', description: '1-based target position (1 = top). Give exactly one of toPosition, before, after.', minimum: 1, maximum: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  toPosition?: number;

  @ApiPropertyOptional({ description: 'Place directly above this item', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  before?: string;

  @ApiPropertyOptional({ description: 'Place directly below this item', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  after?: string;
}

export class ReprioritizeItemRequestDto extends PlacementFields {
  @ApiPropertyOptional({ enum: REPRIORITIZATION_TRIGGERS.filter((t) => t !== 'escalation'), default: 'routine' })
  @IsOptional()
  @IsIn(REPRIORITIZATION_TRIGGERS)
  trigger?: ReprioritizationTrigger;

  @RationaleField()
  rationale: string;
}
