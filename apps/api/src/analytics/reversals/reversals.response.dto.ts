import { ApiProperty } from '@nestjs/swagger';
import type { ReversalRule } from '@ledger/analytics';
import { MOVE_SCALES } from '@ledger/domain';
import { PeriodDto } from '../../http/dto';

export const REVERSAL_RULES = ['revive-after-kill', 'overturned-escalation', 'reprioritization-back'] as const;

export class ReversalDecisionDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time', description: 'When it occurred' }) at: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ type: 'integer', nullable: true }) fromPosition: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) toPosition: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: MOVE_SCALES,
    description:
      "Reprioritizations: 'rank' (positions in the ranking), 'priority' (levels on the priority scale, 1 = highest) or 'schedule' (a deferral); null for other decisions",
  })
  scale: string | null;
  @ApiProperty({ description: 'False when the decision states no why (imported from a tracker that records none)' }) statedWhy: boolean;
}

export class WithoutStatedWhyDto {
  @ApiProperty({ type: 'integer', description: 'Of `decisions`, those that state no why' }) decisions: number;
  @ApiProperty({ type: 'integer', description: 'Of `reversingDecisions`, those that state no why' }) reversingDecisions: number;
}

export class ReversalEscalationDto {
  @ApiProperty({ format: 'uuid' }) escalationId: string;
  @ApiProperty({ type: String, nullable: true }) raisedBy: string | null;
  @ApiProperty({ type: () => ReversalDecisionDto, nullable: true, description: 'The change the overturn recorded' }) change: ReversalDecisionDto | null;
}

export class ReversalDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: REVERSAL_RULES }) rule: ReversalRule;
  @ApiProperty({ type: () => ReversalDecisionDto, nullable: true, description: 'The reversed decision' }) d1: ReversalDecisionDto | null;
  @ApiProperty({ type: () => ReversalDecisionDto, description: 'The reversing decision' }) d2: ReversalDecisionDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Days from d1 to d2' }) days: number | null;
  @ApiProperty({ type: () => ReversalEscalationDto, nullable: true, description: 'Rule overturned-escalation only' })
  escalation: ReversalEscalationDto | null;
}

export class RateSplitDto {
  @ApiProperty({ type: 'integer' }) decisions: number;
  @ApiProperty({ type: 'integer' }) reversals: number;
  @ApiProperty({ type: Number, nullable: true, description: 'reversals ÷ decisions; null without decisions' }) rate: number | null;
}

export class RateByTriggerDto {
  @ApiProperty({ type: () => RateSplitDto }) escalation: RateSplitDto;
  @ApiProperty({ type: () => RateSplitDto }) other: RateSplitDto;
}

export class ReversalsByRuleDto {
  @ApiProperty({ type: 'integer' }) 'revive-after-kill': number;
  @ApiProperty({ type: 'integer' }) 'overturned-escalation': number;
  @ApiProperty({ type: 'integer' }) 'reprioritization-back': number;
}

export class ActorReversalsDto {
  @ApiProperty() actorId: string;
  @ApiProperty({ type: 'integer' }) decisions: number;
  @ApiProperty({ type: 'integer' }) reversals: number;
  @ApiProperty({ type: Number }) rate: number;
}

export class FlipFlopDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) reversals: number;
}

export class ReversalReportDto {
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: 'integer', description: 'Item decisions in the period' }) decisions: number;
  @ApiProperty({ type: 'integer' }) reversingDecisions: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
  @ApiProperty({ type: () => RateByTriggerDto }) byTrigger: RateByTriggerDto;
  @ApiProperty({ type: () => ReversalsByRuleDto }) byRule: ReversalsByRuleDto;
  @ApiProperty({ type: [ActorReversalsDto], description: 'Most reversals first' }) byActor: ActorReversalsDto[];
  @ApiProperty({ type: () => WithoutStatedWhyDto, description: 'Imported decisions without a stated why, shown as "no stated why"' })
  withoutStatedWhy: WithoutStatedWhyDto;
  @ApiProperty({ type: Number, nullable: true }) medianDaysToReversal: number | null;
  @ApiProperty({ type: [FlipFlopDto], description: 'At most 10' }) topFlipFlops: FlipFlopDto[];
  @ApiProperty({ type: [ReversalDto], description: 'Most recent first, at most 500' }) reversals: ReversalDto[];
  @ApiProperty({ description: 'More reversals than listed' }) truncated: boolean;
}
