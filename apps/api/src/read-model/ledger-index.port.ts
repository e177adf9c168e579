import type { RecordedEvent } from '@ledger/kernel';
import type { FrozenScore } from '@ledger/domain';
import type { ItemVersion } from './item-version';

export interface RankedItemRow {
  itemId: string;
  backlogId: string;
  title: string;
  kind: string;
  status: string;
  rank: string;
  estimate: number | null;
  objectiveId: string | null;
  requestedBy: string | null;
  addedAt: string;
  revision: number;
  /** The score frozen by the item's latest v2 decision; null while it has none (ADR 0033). */
  scoring: FrozenScore | null;
}

export interface RankNeighbours {
  above: string | null;
  below: string | null;
  /** Number of ranked items other than the one being placed. */
  others: number;
}

export interface AuditFilter {
  backlogId?: string;
  itemId?: string;
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
  after: number;
  limit: number;
}

export interface BacklogOwner {
  actorId: string;
  role: string;
  /** When they first decided on it (created it, for the creator). */
  since: string;
}

/** Items of a backlog by current status, and its open escalations. */
export interface BacklogCounts {
  open: number;
  inProgress: number;
  delivered: number;
  killed: number;
  antiBacklog: number;
  openEscalations: number;
}

export interface BacklogRow {
  backlogId: string;
  name: string;
  productGoal: string;
  createdAt: string;
  createdBy: string;
  createdByRole: string;
  revision: number;
  owners: BacklogOwner[];
  counts: BacklogCounts;
}

export type EscalationStatus = 'open' | 'upheld' | 'overturned';

export interface EscalationFilter {
  /** Only these backlogs (the caller's scope); undefined = every backlog. */
  scope?: string[];
  backlogId?: string;
  raisedBy?: string;
  status?: EscalationStatus;
  /** Cursor: only escalations raised before this global position. */
  before?: number;
  limit: number;
}

/** An escalation, with what it challenges and how it was resolved, joined with its item, backlog and decisions. */
export interface EscalationRow {
  escalationId: string;
  status: EscalationStatus;
  itemId: string;
  itemTitle: string | null;
  backlogId: string;
  backlogName: string | null;
  eventId: string;
  position: number;
  raisedBy: string;
  raisedByRole: string;
  raisedAt: string;
  wanted: string;
  reason: string;
  addressedTo: string | null;
  against: {
    eventId: string;
    type: string;
    actorId: string | null;
    actorRole: string | null;
    at: string | null;
    fromPosition: number | null;
    toPosition: number | null;
  };
  resolution: {
    outcome: 'upheld' | 'overturned';
    eventId: string;
    by: string;
    byRole: string;
    at: string;
    rationale: string;
    change: { eventId: string; type: string; fromPosition: number | null; toPosition: number | null } | null;
  } | null;
}

/**
 * The API's read model: the audit index, the current ranking, backlogs and escalations. A projection of the event store,
 * rebuildable at any time; idempotent (re-applying an event changes nothing).
 */
export interface LedgerIndex {
  /** Last projected global position. */
  checkpoint(): number;
  apply(events: RecordedEvent[]): void;
  /** Resolves true once the checkpoint reaches `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;

  rankedItems(backlogId: string, page: { limit: number; offset: number }): RankedItemRow[];
  rankedCount(backlogId: string): number;
  /** Items of the backlog whose current status is `status` (left the ranking), most recently decided first. */
  itemsWithStatus(backlogId: string, status: 'anti-backlog' | 'killed' | 'delivered', page: { limit: number; offset: number }): RankedItemRow[];
  statusCount(backlogId: string, status: 'anti-backlog' | 'killed' | 'delivered'): number;
  /** Per item: when it last progressed (a progress event, or its addition), from the audit entries. */
  lastProgress(itemIds: string[]): Map<string, string>;
  itemRow(itemId: string): (RankedItemRow & { ranked: boolean }) | null;
  /** 1-based position of a ranked item, null when not ranked. */
  positionOf(backlogId: string, itemId: string): number | null;
  /**
   * The ranked items at 1-based positions [from, to] of the current ranking, in order, with their last frozen score
   * (the items a move from `to + 1` up to `from` passes, ADR 0033).
   */
  rankedBetween(backlogId: string, from: number, to: number): { itemId: string; scoring: FrozenScore | null }[];
  /** Neighbours for placing `itemId` at 1-based `position` among the other ranked items. */
  neighboursAt(backlogId: string, position: number, itemId: string): RankNeighbours;
  /** Neighbours for placing `itemId` directly above (`before`) or below (`after`) `anchorId`. */
  neighboursOf(backlogId: string, anchorId: string, side: 'before' | 'after', itemId: string): RankNeighbours & { position: number };
  /**
   * "As of" (ADR 0030): per item stream of the backlog, its version folded from exactly its item events that
   * occurred at or before `at` (data.backlogId = backlogId, with an itemId), in position order; streams with none
   * are left out.
   */
  itemVersionsAt(backlogId: string, at: string): ItemVersion[];
  audit(filter: AuditFilter): RecordedEvent[];
  /** Position of the last event of the page `filter` describes, or null when the page is not full. */
  auditPageEnd(filter: AuditFilter): number | null;
  /** Backlogs by name (then id): all of them, or the ones listed. */
  backlogs(backlogIds?: string[]): BacklogRow[];
  /** Newest first (by the position they were raised at). */
  escalations(filter: EscalationFilter): EscalationRow[];
  close(): void;
}

/** What placing an item needs from a ranked view (the read model, or a bulk import's in-memory view, ADR 0027). */
export type RankingIndex = Pick<LedgerIndex, 'waitFor' | 'rankedCount' | 'positionOf' | 'rankedBetween' | 'neighboursAt' | 'neighboursOf'>;
