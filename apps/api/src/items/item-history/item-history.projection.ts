import type { Actor, RecordedEvent } from '@ledger/kernel';
import type { FrozenScore, ScoreCheck } from '@ledger/domain';

export interface EventRef {
  eventId: string;
  type: string;
  decision: string;
}

export interface HistoryEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  decision: string;
  actor: Actor;
  recordedAt: string;
  occurredAt: string;
  rationale: string | null;
  /** The decision came from an import (its `occurredAt` is when it was originally taken). */
  imported: boolean;
  /** Where an imported decision came from (file and line), else null. */
  importedFrom: string | null;
  /**
   * False when the rationale states no reason: the source recorded none (a tracker's history) and the rationale
   * only says where the decision came from — shown as "no stated why".
   */
  statedWhy: boolean;
  trigger: string | null;
  fromPosition: number | null;
  toPosition: number | null;
  escalationId: string | null;
  correlationId: string;
  causationId: string | null;
  /** The decision that caused this one, when it is in this item's history. */
  causedBy: EventRef | null;
  /** Decisions this one caused. */
  ledTo: EventRef[];
  /** From the root cause to this entry, e.g. escalated → escalation-resolved → reprioritized. */
  chain: EventRef[];
  hash: string;
  /** The score this decision froze (model, inputs, score); null for decisions recorded before scores were frozen (ADR 0033). */
  scoring: FrozenScore | null;
  /** Reprioritizations: the items passed over against the score; null when not judged (unscored, or before ADR 0033). */
  scoreCheck: ScoreCheck | null;
  data: Record<string, unknown>;
}

const ref = (e: RecordedEvent): EventRef => ({ eventId: e.id, type: e.type, decision: decisionName(e.type) });

export const decisionName = (type: string): string => type.slice(type.indexOf('.') + 1);

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Pure: an item's stream → the auditor's view of it. */
export function itemHistory(events: RecordedEvent[]): HistoryEntry[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const children = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const cause = e.metadata.causationId;
    if (cause && byId.has(cause)) children.set(cause, [...(children.get(cause) ?? []), e]);
  }
  return events.map((e) => {
    const d = e.data as Record<string, unknown>;
    const chain: EventRef[] = [];
    const seen = new Set<string>();
    for (let cur: RecordedEvent | undefined = e; cur && !seen.has(cur.id); ) {
      seen.add(cur.id);
      chain.unshift(ref(cur));
      cur = cur.metadata.causationId ? byId.get(cur.metadata.causationId) : undefined;
    }
    const cause = e.metadata.causationId ? byId.get(e.metadata.causationId) : undefined;
    return {
      position: e.position,
      revision: e.revision,
      eventId: e.id,
      type: e.type,
      decision: decisionName(e.type),
      actor: { id: e.metadata.actor.id, role: e.metadata.actor.role },
      recordedAt: e.recordedAt,
      occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt,
      rationale: text(d.rationale) ?? text(d.reason),
      imported: e.metadata.imported === true,
      importedFrom: text(e.metadata.importedFrom),
      statedWhy: e.metadata.statedWhy !== false,
      trigger: text(d.trigger) ?? (e.type === 'item.escalation-resolved' ? 'escalation' : null),
      fromPosition: num(d.fromPosition),
      toPosition: num(d.toPosition) ?? num(d.position),
      escalationId: text(d.escalationId),
      correlationId: e.metadata.correlationId,
      causationId: e.metadata.causationId,
      causedBy: cause ? ref(cause) : null,
      ledTo: (children.get(e.id) ?? []).map(ref),
      chain,
      hash: e.hash,
      scoring: d.scoring && typeof d.scoring === 'object' ? (d.scoring as FrozenScore) : null,
      scoreCheck: d.scoreCheck && typeof d.scoreCheck === 'object' ? (d.scoreCheck as ScoreCheck) : null,
      data: d,
    };
  });
}
