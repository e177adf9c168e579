import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { MAX_SCORE_INPUT, RICE_IMPACTS } from '@ledger/domain';

const number = { allowNaN: false, allowInfinity: false };
const input = (description: string, minimum: number, exclusiveMinimum = false) =>
  ApiPropertyOptional({ type: 'number', nullable: true, minimum, exclusiveMinimum, maximum: MAX_SCORE_INPUT, description: `${description}; null removes it` });

/**
 * An item's score inputs (ADR 0033): each optional; a number sets it, null removes it, an absent one stays. Which ones
 * count depends on the backlog's scoring model: RICE (reach, impact, confidence, effort), WSJF (businessValue,
 * timeCriticality, riskReduction, jobSize), value/effort (value, effort).
 */
export class ScoreInputsDto {
  @input('RICE reach: people or events per period, ≥ 0', 0)
  @IsOptional() @IsNumber(number) @Min(0) @Max(MAX_SCORE_INPUT)
  reach?: number | null;

  @ApiPropertyOptional({ type: 'number', nullable: true, enum: [...RICE_IMPACTS], description: 'RICE impact: 0.25, 0.5, 1, 2 or 3; null removes it' })
  @IsOptional() @IsIn([...RICE_IMPACTS])
  impact?: number | null;

  @input('RICE confidence: a share in (0, 1]', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(1)
  confidence?: number | null;

  @input('RICE and value/effort effort: > 0', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(MAX_SCORE_INPUT)
  effort?: number | null;

  @input('WSJF business value: > 0', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(MAX_SCORE_INPUT)
  businessValue?: number | null;

  @input('WSJF time criticality: > 0', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(MAX_SCORE_INPUT)
  timeCriticality?: number | null;

  @input('WSJF risk reduction / opportunity enablement: > 0', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(MAX_SCORE_INPUT)
  riskReduction?: number | null;

  @input('WSJF job size: > 0', 0, true)
  @IsOptional() @IsNumber(number) @IsPositive() @Max(MAX_SCORE_INPUT)
  jobSize?: number | null;

  @input('value/effort value: ≥ 0', 0)
  @IsOptional() @IsNumber(number) @Min(0) @Max(MAX_SCORE_INPUT)
  value?: number | null;
}
