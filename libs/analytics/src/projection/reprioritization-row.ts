import type { RecordedEvent } from '@ledger/kernel';
import { chTime } from './decision-row';

/** A row of `reprioritizations` (migrations/0008_reprioritizations.sql), as inserted with JSONEachRow. */
export interface ReprioritizationRow {
  position: number;
  event_id: string;
  backlog_id: string;
  item_id: string;
  actor_id: string;
  occurred_at: string;
  trigger: string;
  from_position: number;
  to_position: number;
  model: string;
  score: number | null;
  judged: number;
  score_margin: number;
  passed_over_count: number;
  passed_over: Array<[string, number]>;
}

/** Column order of the compact inserts (same as the interface and the table). */
export const REPRIORITIZATION_COLUMNS: Array<keyof ReprioritizationRow> = [
  'position', 'event_id', 'backlog_id', 'item_id', 'actor_id', 'occurred_at', 'trigger', 'from_position', 'to_position',
  'model', 'score', 'judged', 'score_margin', 'passed_over_count', 'passed_over',
];

type Data = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Data | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : null);

/**
 * Pure: an `item.reprioritized` event → its row, or null for any other event. The judgement is the event's own
 * (`scoreCheck`, frozen by the decider, ADR 0033): nothing here looks at other items, scores or policies, so the row —
 * and every metric over these rows — is the same whenever and however often the event is projected.
 */
export function reprioritizationRow(e: RecordedEvent): ReprioritizationRow | null {
  if (e.type !== 'item.reprioritized') return null;
  const d = e.data as Data;
  const backlogId = s(d.backlogId);
  const itemId = s(d.itemId);
  if (!backlogId || !itemId) return null;
  const scoring = obj(d.scoring);
  const check = obj(d.scoreCheck);
  const items = Array.isArray(check?.items) ? (check!.items as unknown[]) : [];
  return {
    position: e.position,
    event_id: e.id,
    backlog_id: backlogId,
    item_id: itemId,
    actor_id: s(e.metadata.actor?.id),
    occurred_at: chTime(typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt),
    trigger: s(d.trigger),
    from_position: int(d.fromPosition),
    to_position: int(d.toPosition),
    model: s(scoring?.model),
    score: finite(scoring?.score),
    judged: check ? 1 : 0,
    score_margin: finite(check?.scoreMargin) ?? 0,
    passed_over_count: check ? Math.max(0, int(check.count)) : 0,
    passed_over: items
      .map((x) => obj(x))
      .filter((x): x is Data => x !== null && typeof x.itemId === 'string' && finite(x.score) !== null)
      .map((x) => [x.itemId as string, x.score as number]),
  };
}
