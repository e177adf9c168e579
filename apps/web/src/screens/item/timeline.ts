import type { HistoryEntry } from './queries';

/** One row of the timeline: a decision on its own, or an escalation thread (escalated → resolved → the change). */
export type TimelineRow = { kind: 'decision'; entry: HistoryEntry } | { kind: 'thread'; escalationId: string; entries: HistoryEntry[] };

/**
 * Pure: the item's history (oldest first) → timeline rows. Every entry that carries an escalationId (the escalation,
 * its resolution, and the reprioritization or revival the resolution caused) joins that escalation's thread, drawn
 * where the escalation was raised.
 */
export function timelineRows(entries: readonly HistoryEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const threads = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    if (e.escalationId === null) {
      rows.push({ kind: 'decision', entry: e });
      continue;
    }
    const thread = threads.get(e.escalationId);
    if (thread) thread.push(e);
    else {
      const entries: HistoryEntry[] = [e];
      threads.set(e.escalationId, entries);
      rows.push({ kind: 'thread', escalationId: e.escalationId, entries });
    }
  }
  return rows;
}

/** Points of the rank-over-time chart: the position after each decision that placed the item; null when it left the ranking. */
export function rankPoints(entries: readonly HistoryEntry[]): [string, number | null][] {
  const out: [string, number | null][] = [];
  for (const e of entries) {
    if (['item.killed', 'item.delivered', 'item.moved-to-anti-backlog'].includes(e.type)) out.push([e.occurredAt, null]);
    else if (e.toPosition !== null && e.type !== 'item.escalation-resolved') out.push([e.occurredAt, e.toPosition]);
  }
  return out;
}

const LABELS: Record<string, string> = {
  'item.added': 'Added',
  'item.reprioritized': 'Reprioritized',
  'item.started': 'Started',
  'item.delivered': 'Delivered',
  'item.killed': 'Killed',
  'item.revived': 'Revived',
  'item.moved-to-anti-backlog': 'Moved to the anti-backlog',
  'item.estimated': 'Estimated',
  'item.linked-to-objective': 'Linked to an objective',
  'item.kill-criteria-set': 'Kill criteria set',
  'item.outcome-recorded': 'Outcome recorded',
  'item.escalated': 'Escalated',
  'item.escalation-resolved': 'Escalation resolved',
};

export function decisionLabel(e: Pick<HistoryEntry, 'type' | 'decision' | 'data'>): string {
  const base = LABELS[e.type] ?? e.decision.replace(/-/g, ' ');
  if (e.type === 'item.escalation-resolved' && typeof e.data.outcome === 'string') return `${base}: ${e.data.outcome}`;
  if (e.type === 'item.killed' && e.data.via === 'forum') return `${base} via the review forum`;
  return base;
}
