import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { RationaleField } from '../../http/dto';
import { ScoreInputsDto } from '../score-inputs.dto';

/** An estimate, score inputs, or both (the decider answers ITEM.ESTIMATE_REQUIRED when neither is given). */
export class EstimateItemRequestDto {
  @ApiPropertyOptional({ description: 'Story points', minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  estimate?: number;

  @ApiPropertyOptional({ type: () => ScoreInputsDto, description: 'Score inputs to set (null removes one); the others stay (ADR 0033)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoreInputsDto)
  scoreInputs?: ScoreInputsDto;

  @RationaleField()
  rationale: string;
}
