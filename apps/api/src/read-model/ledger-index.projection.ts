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
    case 'item.reopened':
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

/** A backlog's row in the read model (GET /backlogs, names in the portfolio). `null` fields are left unchanged. */
export interface BacklogRowChange {
  backlogId: string;
  insert?: { name: string; productGoal: string; createdAt: string; createdBy: string; createdByRole: string };
  productGoal?: string;
  revision: number;
  position: number;
}

/** Pure: event → change to its backlog's row, or null when the event is not one of a backlog's own. */
export function backlogRowChange(e: RecordedEvent): BacklogRowChange | null {
  const d = e.data as Data;
  const backlogId = str(d.backlogId);
  if (!backlogId || !e.type.startsWith('backlog.')) return null;
  const base = { backlogId, revision: e.revision, position: e.position };
  if (e.type === 'backlog.created') {
    const createdAt = typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt;
    const insert = { name: String(d.name), productGoal: String(d.productGoal), createdAt, createdBy: e.metadata.actor.id, createdByRole: e.metadata.actor.role };
    return { ...base, insert };
  }
  if (e.type === 'backlog.product-goal-changed') return { ...base, productGoal: String(d.productGoal) };
  return base;
}

/**
 * A backlog's owners: who created it, and every product owner who has decided on it (ADR 0032). A product owner
 * may decide only on the backlogs their token names, so deciding on one shows it is theirs; the token itself is
 * recorded nowhere else.
 */
export interface OwnerRow {
  backlogId: string;
  actorId: string;
  role: string;
  since: string;
  position: number;
}

/** Pure: audit entry → the owner it shows, or null. The first entry per (backlog, actor) wins. */
export function ownerRow(entry: EntryRow): OwnerRow | null {
  if (entry.backlogId === null) return null;
  if (entry.type !== 'backlog.created' && entry.actorRole !== 'product-owner') return null;
  return { backlogId: entry.backlogId, actorId: entry.actorId, role: entry.actorRole, since: entry.occurredAt, position: entry.position };
}

/** What an event changes about an escalation (GET /escalations): raised, resolved, or the change an overturn caused. */
export type EscalationRowChange =
  | {
      kind: 'raised';
      escalationId: string;
      itemId: string;
      backlogId: string;
      eventId: string;
      position: number;
      raisedBy: string;
      raisedByRole: string;
      raisedAt: string;
      againstEventId: string;
      againstEventType: string;
      wanted: string;
      reason: string;
      addressedTo: string | null;
    }
  | {
      kind: 'resolved';
      escalationId: string;
      outcome: 'upheld' | 'overturned';
      eventId: string;
      by: string;
      byRole: string;
      at: string;
      rationale: string;
    }
  | { kind: 'changed'; escalationId: string; eventId: string; type: string; fromPosition: number | null; toPosition: number | null };

/** Pure: event → change to an escalation's row, or null. */
export function escalationRowChange(e: RecordedEvent): EscalationRowChange | null {
  const d = e.data as Data;
  const escalationId = str(d.escalationId);
  const itemId = str(d.itemId);
  if (!escalationId || !itemId) return null;
  const at = typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt;
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  switch (e.type) {
    case 'item.escalated':
      return {
        kind: 'raised',
        escalationId,
        itemId,
        backlogId: String(d.backlogId),
        eventId: e.id,
        position: e.position,
        raisedBy: e.metadata.actor.id,
        raisedByRole: e.metadata.actor.role,
        raisedAt: at,
        againstEventId: String(d.againstEventId),
        againstEventType: String(d.againstEventType),
        wanted: String(d.wanted),
        reason: String(d.reason),
        addressedTo: str(d.addressedTo),
      };
    case 'item.escalation-resolved':
      if (d.outcome !== 'upheld' && d.outcome !== 'overturned') return null;
      return { kind: 'resolved', escalationId, outcome: d.outcome, eventId: e.id, by: e.metadata.actor.id, byRole: e.metadata.actor.role, at, rationale: String(d.rationale) };
    case 'item.reprioritized':
    case 'item.revived':
      return { kind: 'changed', escalationId, eventId: e.id, type: e.type, fromPosition: num(d.fromPosition), toPosition: num(d.toPosition) ?? num(d.position) };
    default:
      return null;
  }
}
