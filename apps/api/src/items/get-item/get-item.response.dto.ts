import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';
import type { KillCriteriaCheck } from '../kill-criteria-check';
import { KillThresholdDto, LatestScoreDto, ScoreInputsViewDto } from '../scoring.response.dto';

export const ITEM_STATUSES = ['open', 'in-progress', 'delivered', 'killed', 'anti-backlog'] as const;
export type ItemStatusView = (typeof ITEM_STATUSES)[number];
export const ESCALATION_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** The outcome that met a kill-criteria threshold. */
export class BreachOutcomeDto {
  @ApiProperty({ format: 'uuid', description: 'The item.outcome-recorded event' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty() observedValue: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: 'number', description: 'The number read from observedValue' }) observed: number;
}

export class OutcomeMetBreachDto {
  @ApiProperty({ enum: ['outcome-met'] }) kind: 'outcome-met';
  @ApiProperty({ type: () => BreachOutcomeDto }) outcome: BreachOutcomeDto;
}

export class NoOutcomeByDateBreachDto {
  @ApiProperty({ enum: ['no-outcome-by-date'] }) kind: 'no-outcome-by-date';
  @ApiProperty({ format: 'date', description: 'The review date that passed without an outcome stating a number' }) reviewBy: string;
}

/** How self-checking kill criteria stand now (ADR 0034). */
export class KillCriteriaCheckDto {
  @ApiProperty({
    enum: ['manual', 'watching', 'breached'],
    description: 'manual: plain-text criteria reviewed at the forum cadence; watching: a threshold not breached (yet); breached',
  })
  status: KillCriteriaCheck['status'];
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(OutcomeMetBreachDto) }, { $ref: getSchemaPath(NoOutcomeByDateBreachDto) }],
    nullable: true,
    description: 'What breached it: an outcome meeting the threshold, or the review date passing with none',
  })
  breach: OutcomeMetBreachDto | NoOutcomeByDateBreachDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The kill proposal a breach opens (once the forum scheduler ran)' })
  proposalId: string | null;
}

export class KillCriteriaDto {
  @ApiProperty() exitCondition: string;
  @ApiProperty({ format: 'date', description: 'With a threshold: the date by which it is checked' }) reviewBy: string;
  @ApiProperty({ type: () => KillThresholdDto, nullable: true, description: 'The machine-checked form of the exit condition (ADR 0034)' })
  threshold: KillThresholdDto | null;
  @ApiProperty({ format: 'uuid', description: 'The item.kill-criteria-set event' }) eventId: string;
  @ApiProperty({ type: () => KillCriteriaCheckDto }) check: KillCriteriaCheckDto;
}

export class ItemKillDto {
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['owner', 'forum'] }) via: 'owner' | 'forum';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The kill proposal, for a kill via forum' }) proposalId: string | null;
  @ApiProperty({ description: 'Who decided it' }) decidedBy: string;
}

export class ItemEscalationDto {
  @ApiProperty({ format: 'uuid' }) escalationId: string;
  @ApiProperty({ format: 'uuid', description: 'The item.escalated event' }) eventId: string;
  @ApiProperty({ format: 'uuid', description: 'The decision challenged (an event of this item)' }) againstEventId: string;
  @ApiProperty() againstEventType: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who raised it (actor of the item.escalated event)' }) raisedBy: string | null;
  @ApiProperty() wanted: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true }) addressedTo: string | null;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status: EscalationStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item.escalation-resolved event' }) resolutionEventId: string | null;
}

export class ItemOutcomeDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty() observedValue: string;
  @ApiProperty() moved: boolean;
  @ApiProperty({ format: 'uuid', description: 'The item.outcome-recorded event' }) eventId: string;
}

export class ItemViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status: ItemStatusView;
  @ApiProperty({ type: 'integer', nullable: true, description: '1 = top; null when not ranked' }) position: number | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty({ type: String, nullable: true }) hypothesis: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectiveId: string | null;
  @ApiProperty({ type: Number, nullable: true }) estimate: number | null;
  @ApiProperty({ type: String, nullable: true }) requestedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Rank key while ranked' }) rank: string | null;
  @ApiProperty({ type: () => KillCriteriaDto, nullable: true }) killCriteria: KillCriteriaDto | null;
  @ApiProperty({ type: () => ScoreInputsViewDto, description: "The item's score inputs now (ADR 0033)" }) scoreInputs: ScoreInputsViewDto;
  @ApiProperty({ type: () => LatestScoreDto, nullable: true, description: 'The score its latest decision froze; null before any (events before ADR 0033)' })
  scoring: LatestScoreDto | null;
  @ApiProperty({ type: () => ItemKillDto, nullable: true, description: 'The current kill (null once revived)' }) kill: ItemKillDto | null;
  @ApiProperty({ type: String, nullable: true }) antiBacklogReason: string | null;
  @ApiProperty({ type: [ItemEscalationDto] }) escalations: ItemEscalationDto[];
  @ApiProperty({ type: [ItemOutcomeDto] }) outcomes: ItemOutcomeDto[];
  @ApiProperty({ type: 'integer', description: 'Stream revision (the ETag)' }) revision: number;
}
