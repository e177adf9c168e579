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
  /** item.reprioritized: 'rank', 'priority' or 'schedule' (migration 0007); '' otherwise. */
  scale: string;
  /** 1 when only the move's direction is known (from/to_position 0). */
  approximate: number;
  /** item.reprioritized: -1 up, +1 down, 0 none; 0 otherwise. */
  direction: number;
  /** 0 when the decision states no why (metadata.statedWhy = false). */
  stated_why: number;
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
  const moved = moveOf(e.type, d);
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
    from_position: moved ? moved.from : n(d.fromPosition),
    to_position: moved ? moved.to : n(d.toPosition) || n(d.position),
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
    scale: e.type === 'item.reprioritized' ? (moved?.scale ?? 'rank') : '',
    approximate: moved?.approximate ? 1 : 0,
    direction:
      e.type !== 'item.reprioritized' ? 0 : moved ? moved.direction : Math.sign(n(d.toPosition) - n(d.fromPosition)),
    stated_why: e.metadata.statedWhy === false ? 0 : 1,
  };
}

/**
 * A reprioritization off the ranking (ADR 0025), as the row records it: a priority change by its levels, an
 * approximate move by its direction only (positions 0). Null for moves in the ranking and other events.
 */
function moveOf(type: string, d: Data): { scale: string; approximate: boolean; direction: number; from: number; to: number } | null {
  if (type !== 'item.reprioritized' || !d.move || typeof d.move !== 'object') return null;
  const m = d.move as Data;
  const direction = m.direction === 'down' ? 1 : m.direction === 'up' ? -1 : 0;
  const approximate = m.approximate === true;
  return {
    scale: s(m.scale) || 'rank',
    approximate,
    direction,
    from: approximate ? 0 : n(m.fromLevel),
    to: approximate ? 0 : n(m.toLevel),
  };
}
