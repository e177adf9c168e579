import type { RecordedEvent } from '@ledger/kernel';

/** A row of `decisions` (migrations/0001_decisions.sql), as inserted with JSONEachRow. */
export interface DecisionRow {
  position: number;
  event_id: string;
  backlog_id: string;
  item_id: string;
  type: string;
  schema_version: number;
  actor_id: string;
  actor_role: string;
  occurred_at: string;
  recorded_at: string;
  imported: number;
  title: string;
  kind: string;
  trigger: string;
  from_position: number;
  to_position: number;
  escalation_id: string;
  against_event_id: string;
  outcome: string;
  via: string;
  estimate: number | null;
  objective_id: string;
  review_by: string | null;
  moved: number | null;
  points: number | null;
  sprint_ended_on: string | null;
  policy: string;
}

type Data = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const date = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/** ClickHouse DateTime64(3) text: 'YYYY-MM-DD hh:mm:ss.sss' (UTC). */
export function chTime(iso: string): string {
  // Fast path (2 per event on the projection's hot path): the canonical form Date#toISOString produces, which
  // is what the store and the API write. Days 29-31 take the general path (Date rolls 02-30 over to 03-02).
  if (iso.length === 24 && CANONICAL_ISO.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}
const CANONICAL_ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Pure: one event → its analytics row, or null for events that are not backlog decisions.
 * Same event in, same row out — the basis of idempotent (re)projection.
 */
export function decisionRow(e: RecordedEvent): DecisionRow | null {
  if (!e.type.startsWith('item.') && !e.type.startsWith('backlog.')) return null;
  const d = e.data as Data;
  const backlogId = s(d.backlogId);
  if (!backlogId) return null;
  const occurredAt = typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt;
  return {
    position: e.position,
    event_id: e.id,
    backlog_id: backlogId,
    item_id: e.type.startsWith('item.') ? s(d.itemId) : '',
    type: e.type,
    schema_version: e.schemaVersion,
    actor_id: e.metadata.actor.id,
    actor_role: e.metadata.actor.role,
    occurred_at: chTime(occurredAt),
    recorded_at: chTime(e.recordedAt),
    imported: e.metadata.imported === true ? 1 : 0,
    title: e.type === 'item.added' ? s(d.title) : '',
    kind: e.type === 'item.added' ? s(d.kind) : '',
    trigger: s(d.trigger) || (e.type === 'item.escalation-resolved' ? 'escalation' : ''),
    from_position: n(d.fromPosition),
    to_position: n(d.toPosition) || n(d.position),
    escalation_id: s(d.escalationId),
    against_event_id: s(d.againstEventId),
    outcome: s(d.outcome),
    via: s(d.via),
    estimate: num(d.estimate),
    objective_id: s(d.objectiveId),
    review_by: date(d.reviewBy),
    moved: typeof d.moved === 'boolean' ? (d.moved ? 1 : 0) : null,
    points: num(d.points),
    sprint_ended_on: date(d.endedOn),
    policy: d.policy && typeof d.policy === 'object' ? JSON.stringify(d.policy) : '',
  };
}
