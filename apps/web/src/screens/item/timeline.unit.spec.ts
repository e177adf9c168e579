import type { HistoryEntry } from './queries';
import { decisionLabel, rankPoints, timelineRows } from './timeline';

let n = 0;
const entry = (type: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  position: ++n,
  eventId: `e${n}`,
  type,
  decision: type.slice(5),
  actor: { id: 'lena', role: 'product-leader' },
  recordedAt: `2026-01-0${n}T00:00:00.000Z`,
  occurredAt: `2026-01-0${n}T00:00:00.000Z`,
  rationale: 'why',
  trigger: null,
  fromPosition: null,
  toPosition: null,
  escalationId: null,
  scoring: null,
  scoreCheck: null,
  data: {},
  ...extra,
});

describe('item timeline', () => {
  it('draws an escalation, its resolution and the change it caused as one thread, where it was raised', () => {
    n = 0;
    const added = entry('item.added', { toPosition: 3 });
    const moved = entry('item.reprioritized', { fromPosition: 3, toPosition: 1 });
    const escalated = entry('item.escalated', { escalationId: 'x' });
    const estimated = entry('item.estimated');
    const resolved = entry('item.escalation-resolved', { escalationId: 'x', data: { outcome: 'overturned' } });
    const back = entry('item.reprioritized', { escalationId: 'x', fromPosition: 1, toPosition: 3, trigger: 'escalation' });
    const rows = timelineRows([added, moved, escalated, estimated, resolved, back]);
    expect(rows.map((r) => (r.kind === 'decision' ? r.entry.eventId : `thread:${r.entries.map((e) => e.eventId).join(',')}`))).toEqual([
      'e1',
      'e2',
      'thread:e3,e5,e6',
      'e4',
    ]);
    expect(decisionLabel(resolved)).toBe('Escalation resolved: overturned');
  });

  it('plots the position after each placing decision, with gaps while the item is out of the ranking', () => {
    n = 0;
    const points = rankPoints([
      entry('item.added', { toPosition: 3 }),
      entry('item.reprioritized', { fromPosition: 3, toPosition: 1 }),
      entry('item.estimated'),
      entry('item.killed', { fromPosition: 1 }),
      entry('item.revived', { toPosition: 2 }),
    ]);
    expect(points.map(([, p]) => p)).toEqual([3, 1, null, 2]);
  });
});
