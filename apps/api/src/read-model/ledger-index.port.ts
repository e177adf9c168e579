import type { RecordedEvent } from '@ledger/kernel';

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

/**
 * The API's read model: the audit index and the current ranking. A projection of the event store,
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
  itemRow(itemId: string): (RankedItemRow & { ranked: boolean }) | null;
  /** 1-based position of a ranked item, null when not ranked. */
  positionOf(backlogId: string, itemId: string): number | null;
  /** Neighbours for placing `itemId` at 1-based `position` among the other ranked items. */
  neighboursAt(backlogId: string, position: number, itemId: string): RankNeighbours;
  /** Neighbours for placing `itemId` directly above (`before`) or below (`after`) `anchorId`. */
  neighboursOf(backlogId: string, anchorId: string, side: 'before' | 'after', itemId: string): RankNeighbours & { position: number };
  /** Every item event of the backlog that occurred at or before `at`, in position order. */
  itemEventsUpTo(backlogId: string, at: string): RecordedEvent[];
  audit(filter: AuditFilter): RecordedEvent[];
  /** Position of the last event of the page `filter` describes, or null when the page is not full. */
  auditPageEnd(filter: AuditFilter): number | null;
  close(): void;
}

/** What placing an item needs from a ranked view (the read model, or a bulk import's in-memory view, ADR 0027). */
export type RankingIndex = Pick<LedgerIndex, 'waitFor' | 'rankedCount' | 'positionOf' | 'neighboursAt' | 'neighboursOf'>;
