import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCORING_MODELS, THRESHOLD_OPERATORS, type ScoringModel, type ThresholdOperator } from '@ledger/domain';

const input = (description: string) => ApiPropertyOptional({ type: 'number', description });

/** An item's score inputs as recorded (ADR 0033): only the inputs it has; which count depends on the model. */
export class ScoreInputsViewDto {
  @input('RICE reach') reach?: number;
  @input('RICE impact (0.25, 0.5, 1, 2 or 3)') impact?: number;
  @input('RICE confidence, a share in (0, 1]') confidence?: number;
  @input('RICE and value/effort effort') effort?: number;
  @input('WSJF business value') businessValue?: number;
  @input('WSJF time criticality') timeCriticality?: number;
  @input('WSJF risk reduction / opportunity enablement') riskReduction?: number;
  @input('WSJF job size') jobSize?: number;
  @input('value/effort value') value?: number;
}

/** The score a decision froze: the backlog's model then, the item's inputs after the decision, the score (ADR 0033). */
export class FrozenScoreDto {
  @ApiProperty({ enum: SCORING_MODELS, description: "The backlog's scoring model at the decision" }) model: ScoringModel;
  @ApiProperty({ type: () => ScoreInputsViewDto, description: "The item's inputs after the decision" }) inputs: ScoreInputsViewDto;
  @ApiProperty({ type: Number, nullable: true, description: 'null: the model is none, or an input it needs is missing' }) score: number | null;
}

/** The latest frozen score of an item, with the decision that froze it. */
export class LatestScoreDto extends FrozenScoreDto {
  @ApiProperty({ format: 'uuid', description: 'The decision (event) that froze it' }) eventId: string;
}

export class ScoreCheckItemDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ type: 'number', description: 'Its score at the decision (its inputs then, the model then)' }) score: number;
}

/** A move's judgement against the score, frozen by the decider (ADR 0033). */
export class ScoreCheckDto {
  @ApiProperty({ type: 'number', description: 'The policy margin in force (0.2 = 20 %)' }) scoreMargin: number;
  @ApiProperty({ type: 'integer', description: 'Open items moved above whose score exceeded the item’s by more than the margin (0: not against the score)' })
  count: number;
  @ApiProperty({ type: [ScoreCheckItemDto], description: 'At most 50, highest score first' }) items: ScoreCheckItemDto[];
}

/** A self-checking exit condition: kill when an outcome on the objective observes `value <operator>` (ADR 0034). */
export class KillThresholdDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty({ enum: THRESHOLD_OPERATORS }) operator: ThresholdOperator;
  @ApiProperty({ type: 'number' }) value: number;
}
