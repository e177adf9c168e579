import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { REPRIORITIZATION_TRIGGERS, type ReprioritizationTrigger } from '@ledger/domain';
import { RationaleField } from '../../http/dto';
import { ScoreInputsDto } from '../score-inputs.dto';

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

  @ApiPropertyOptional({ type: () => ScoreInputsDto, description: 'Score inputs (ADR 0033): new evidence that comes with the move; the move is judged against the score with them' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoreInputsDto)
  scoreInputs?: ScoreInputsDto;

  @RationaleField()
  rationale: string;
}
