import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodDto } from '../../http/dto';

/** The against-the-score report (docs/metrics-decision-quality.md; ADR 0033). */
export class AgainstScoreSplitDto {
  @ApiProperty({ type: 'integer', description: 'Reprioritizations in the period' }) reprioritizations: number;
  @ApiProperty({ type: 'integer', description: 'Of those, judged: the moved item had a score (unscored items never count)' }) judged: number;
  @ApiProperty({ type: 'integer', description: 'Of those, against the score' }) against: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'against ÷ reprioritizations; null without reprioritizations' }) share: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'against ÷ judged; null when none was judged' }) shareOfJudged: number | null;
}

export class AgainstScoreByTriggerDto extends AgainstScoreSplitDto {
  @ApiProperty({ description: 'routine, stakeholder-request, escalation, review or new-evidence' }) trigger: string;
}

export class AgainstScoreByActorDto extends AgainstScoreSplitDto {
  @ApiProperty() actorId: string;
}

export class PassedOverDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'number', description: 'Its score at the decision, as frozen in the decision' }) score: number;
}

export class AgainstScoreDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The item.reprioritized event' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() actorId: string;
  @ApiProperty() trigger: string;
  @ApiProperty({ type: 'integer' }) fromPosition: number;
  @ApiProperty({ type: 'integer' }) toPosition: number;
  @ApiProperty({ type: 'number', description: "The moved item's frozen score" }) score: number;
  @ApiProperty({ description: 'The scoring model in force' }) model: string;
  @ApiProperty({ type: 'number', description: 'The margin in force (0.2 = 20 %)' }) scoreMargin: number;
  @ApiProperty({ type: 'integer', description: 'How many open items it was moved above against the score' }) passedOverCount: number;
  @ApiProperty({ type: [PassedOverDto], description: 'At most 50, highest score first' }) passedOver: PassedOverDto[];
}

export class AgainstScoreTrendPointDto {
  @ApiProperty({ format: 'date-time', description: 'Computed as of this instant over [from, at)' }) at: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ type: 'integer' }) reprioritizations: number;
  @ApiProperty({ type: 'integer' }) judged: number;
  @ApiProperty({ type: 'integer' }) against: number;
  @ApiProperty({ type: 'number', nullable: true }) share: number | null;
}

export class AgainstScoreReportDto extends AgainstScoreSplitDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [AgainstScoreByTriggerDto], description: 'Most against first' }) byTrigger: AgainstScoreByTriggerDto[];
  @ApiProperty({ type: [AgainstScoreByActorDto], description: 'Most against first' }) byActor: AgainstScoreByActorDto[];
  @ApiProperty({ type: [AgainstScoreDecisionDto], description: 'The reprioritizations against the score, most recent first (at most 500)' })
  decisions: AgainstScoreDecisionDto[];
  @ApiProperty() truncated: boolean;
  @ApiPropertyOptional({ type: [AgainstScoreTrendPointDto], description: 'Weekly: one point per week end from `from` to `to`, each over the preceding week' })
  trend: AgainstScoreTrendPointDto[];
}
