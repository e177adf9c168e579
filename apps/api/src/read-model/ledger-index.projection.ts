import type { RecordedEvent } from '@ledger/kernel';

/** One row per event: what the audit log and the "as of" reconstruction filter on. */
export interface EntryRow {
  position: number;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  backlogId: string | null;
  itemId: string | null;
  actorId: string;
  actorRole: string;
  recordedAt: string;
  occurredAt: string;
}

/** The current state of an item as the ranked view needs it. `null` fields are left unchanged. */
export interface ItemRowChange {
  itemId: string;
  insert?: {
    backlogId: string;
    title: string;
    kind: string;
    rank: string;
    estimate: number | null;
    objectiveId: string | null;
    requestedBy: string | null;
    addedAt: string;
  };
  status?: 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';
  rank?: string;
  /** The score a v2 event froze (model, inputs, score), as JSON; absent for v1 events (ADR 0033). */
  scoring?: string;
  estimate?: number;
  objectiveId?: string;
  revision: number;
  position: number;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Pure: event → audit entry row. */
export function entryRow(e: RecordedEvent): EntryRow {
  const d = e.data as Data;
  return {
    position: e.position,
    eventId: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    backlogId: str(d.backlogId),
    itemId: str(d.itemId),
    actorId: e.metadata.actor.id,
    actorRole: e.metadata.actor.role,
    recordedAt: e.recordedAt,
    occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt,
  };
}

/** Pure: event → change to the item's current row, or null when the event does not touch it. */
export function itemRowChange(e: RecordedEvent): ItemRowChange | null {
  const d = e.data as Data;
  const itemId = str(d.itemId);
  if (!itemId || !e.type.startsWith('item.')) return null;
  const scoring = d.scoring && typeof d.scoring === 'object' && !Array.isArray(d.scoring) ? JSON.stringify(d.scoring) : undefined;
  const base = { itemId, revision: e.revision, position: e.position, ...(scoring ? { scoring } : {}) };
  switch (e.type) {
    case 'item.added':
      return {
        ...base,
        status: 'open',
        insert: {
          backlogId: String(d.backlogId),
          title: String(d.title),
          kind: String(d.kind),
          rank: String(d.rank),
          estimate: typeof d.estimate === 'number' ? d.estimate : null,
          objectiveId: str(d.objectiveId),
          requestedBy: str(d.requestedBy),
          addedAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt,
        },
      };
    case 'item.reprioritized':
      return { ...base, rank: String(d.toRank) };
    case 'item.revived':
      return { ...base, status: 'open', rank: String(d.rank) };
    case 'item.killed':
      return { ...base, status: 'killed' };
    case 'item.moved-to-anti-backlog':
      return { ...base, status: 'anti-backlog' };
    case 'item.started':
      return { ...base, status: 'in-progress' };
    case 'item.delivered':
      return { ...base, status: 'delivered' };
    case 'item.estimated':
      // v2: null when only the score inputs changed (the estimate stays).
      return typeof d.estimate === 'number' ? { ...base, estimate: d.estimate } : base;
    case 'item.linked-to-objective':
      return { ...base, objectiveId: String(d.objectiveId) };
    default:
      return base;
  }
}
