import { ApiProperty } from '@nestjs/swagger';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';

export const ITEM_STATUSES = ['open', 'in-progress', 'delivered', 'killed', 'anti-backlog'] as const;
export type ItemStatusView = (typeof ITEM_STATUSES)[number];
export const ESCALATION_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export class KillCriteriaDto {
  @ApiProperty() exitCondition: string;
  @ApiProperty({ format: 'date' }) reviewBy: string;
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
  @ApiProperty({ type: () => ItemKillDto, nullable: true, description: 'The current kill (null once revived)' }) kill: ItemKillDto | null;
  @ApiProperty({ type: String, nullable: true }) antiBacklogReason: string | null;
  @ApiProperty({ type: [ItemEscalationDto] }) escalations: ItemEscalationDto[];
  @ApiProperty({ type: [ItemOutcomeDto] }) outcomes: ItemOutcomeDto[];
  @ApiProperty({ type: 'integer', description: 'Stream revision (the ETag)' }) revision: number;
}
