import { ApiProperty } from '@nestjs/swagger';
import { ActorDto, FreeFormObject } from '../../http/dto';
import { ProposalSummaryDto } from '../../proposals/get-proposal/get-proposal.response.dto';
import { FrozenScoreDto, ScoreCheckDto } from '../scoring.response.dto';

export class EventRefDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'item.escalation-resolved' }) type: string;
  @ApiProperty({ example: 'escalation-resolved', description: 'The type without its stream prefix' }) decision: string;
}

export class HistoryEntryDto {
  @ApiProperty({ type: 'integer', description: 'Global position' }) position: number;
  @ApiProperty({ type: 'integer', description: "Revision in the item's stream" }) revision: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'item.reprioritized' }) type: string;
  @ApiProperty({ example: 'reprioritized' }) decision: string;
  @ApiProperty({ type: () => ActorDto }) actor: ActorDto;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was decided (differs from recordedAt for imports)' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The rationale (or the reason, for kills and escalations)' }) rationale: string | null;
  @ApiProperty({ type: String, nullable: true }) trigger: string | null;
  @ApiProperty({ description: 'Imported from another tool (docs/import-format.md), not decided in the ledger' }) imported: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Where an imported decision came from (file and line), else null' })
  importedFrom: string | null;
  @ApiProperty({ description: 'False when the decision states no why (imported from a tracker that records none: "no stated why")' })
  statedWhy: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) fromPosition: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) toPosition: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) escalationId: string | null;
  @ApiProperty({ format: 'uuid' }) correlationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) causationId: string | null;
  @ApiProperty({ type: () => EventRefDto, nullable: true, description: 'The decision that caused this one, when it is in this history' })
  causedBy: EventRefDto | null;
  @ApiProperty({ type: [EventRefDto], description: 'Decisions this one caused' }) ledTo: EventRefDto[];
  @ApiProperty({ type: [EventRefDto], description: 'From the root cause to this entry' }) chain: EventRefDto[];
  @ApiProperty({ description: 'sha256 of the event in its hash chain' }) hash: string;
  @ApiProperty({ type: () => FrozenScoreDto, nullable: true, description: 'The score this decision froze; null for decisions recorded before scores were frozen (ADR 0033)' })
  scoring: FrozenScoreDto | null;
  @ApiProperty({
    type: () => ScoreCheckDto,
    nullable: true,
    description: 'Reprioritizations: the open items passed over against the score; null when not judged (the item had no score, or recorded before ADR 0033)',
  })
  scoreCheck: ScoreCheckDto | null;
  @FreeFormObject('The event data as recorded') data: Record<string, unknown>;
}

export class ItemHistoryDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ type: [HistoryEntryDto], description: 'Oldest first' }) entries: HistoryEntryDto[];
  @ApiProperty({ type: [ProposalSummaryDto], description: "The item's kill proposals, each with every vote and its reason" })
  proposals: ProposalSummaryDto[];
}
