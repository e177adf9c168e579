import fc from 'fast-check';
import type { Role } from '@ledger/kernel';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { generateHistory } from '../testing/generated-history';
import { reversalRatesByBacklog, reversalRateTrend, reversals, type ReversalOptions, type ReversalReport } from './reversals';

/** Golden scenarios for DOMAIN.md "Reversal" (docs/metrics-reversals.md), one per clause and edge. */
describe('decision reversals (DOMAIN.md "Reversal")', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  const piet = { id: 'piet', role: 'product-owner' as Role };

  /** Loads a history into a fresh database and reports it; period defaults to [day 0, day 1000), at = day 1000. */
  async function report(
    history: History,
    opts: { from?: number; to?: number; at?: number; db?: string } & ReversalOptions = {},
  ): Promise<ReversalReport> {
    const db = opts.db ?? (await h.freshDatabase());
    if (!opts.db) await h.insert(db, history.events);
    return reversals(
      h.client,
      { database: db, backlogIds: [history.backlogId], at: new Date(history.at(opts.at ?? 1000)) },
      { from: new Date(history.at(opts.from ?? 0)), to: new Date(history.at(opts.to ?? 1000)) },
      { listLimit: opts.listLimit },
    );
  }
  const reversedItems = (r: ReversalReport) => r.reversals.map((x) => x.itemId).sort();

  describe('rule 3: reprioritization back', () => {
    it('counts a move back one day inside and exactly at the window, not one day (or a moment) outside', async () => {
      const b = new History();
      b.created(0); // reversalWindowDays = 30
      const inside = b.add(0, { title: 'inside' });
      const exactly = b.add(0, { title: 'exactly' });
      const outside = b.add(0, { title: 'outside' });
      const moment = b.add(0, { title: 'moment' });
      for (const item of [inside, exactly, outside, moment]) b.move(10, item, 5, 1);
      b.move(39, inside, 1, 5);
      b.move(40, exactly, 1, 5);
      b.move(41, outside, 1, 5);
      b.move(40.001, moment, 1, 5); // 30 days and 86.4 s: the window is exact time, not calendar days
      const r = await report(b);
      expect(reversedItems(r)).toEqual([inside, exactly].sort());
      expect(r.reversals.find((x) => x.itemId === exactly)).toMatchObject({ rule: 'reprioritization-back', days: 30 });
      expect(r.reversals.find((x) => x.itemId === inside)!.days).toBe(29);
      expect(r.decisions).toBe(4 + 8); // adds and moves
      expect(r.reversingDecisions).toBe(2);
      expect(r.rate).toBeCloseTo(2 / 12);
    });

    it('needs at least half-way back: less than half is not a reversal, exactly half is, overshooting is', async () => {
      const b = new History();
      b.created(0);
      const less = b.add(0, { title: 'less' });
      const half = b.add(0, { title: 'half' });
      const over = b.add(0, { title: 'over' });
      const drifted = b.add(0, { title: 'drifted' });
      for (const item of [less, half, over, drifted]) b.move(1, item, 10, 2); // D1: 10 → 2 (8 up)
      b.move(2, less, 2, 5); // (2−5)/(2−10) = 3/8
      b.move(2, half, 2, 6); // 4/8 = ½ exactly
      b.move(2, over, 2, 12); // 10/8
      b.move(2, drifted, 3, 6); // others moved in between: half-way is measured on D1.to − D2.to = 4/8
      const r = await report(b);
      expect(reversedItems(r)).toEqual([half, over, drifted].sort());
      const pair = r.reversals.find((x) => x.itemId === half)!;
      expect(pair.d1).toMatchObject({ type: 'item.reprioritized', fromPosition: 10, toPosition: 2, actorId: 'olga' });
      expect(pair.d2).toMatchObject({ type: 'item.reprioritized', fromPosition: 2, toPosition: 6 });
      expect(pair.days).toBe(1);
    });

    it('same-direction moves are not reversals (neither up-up nor down-down)', async () => {
      const b = new History();
      b.created(0);
      const up = b.add(0);
      const down = b.add(0);
      b.move(1, up, 8, 4);
      b.move(2, up, 4, 2);
      b.move(1, down, 2, 8);
      b.move(2, down, 8, 10);
      const r = await report(b);
      expect(r.reversingDecisions).toBe(0);
      expect(r.reversals).toEqual([]);
      expect(r.medianDaysToReversal).toBeNull();
    });

    it('a move that reverses several earlier moves counts once, paired with the most recent one', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0);
      b.move(1, item, 10, 5);
      const d1b = b.move(2, item, 5, 2);
      const d2 = b.move(3, item, 2, 10);
      const r = await report(b);
      expect(r.reversingDecisions).toBe(1);
      expect(r.reversals).toHaveLength(1);
      expect(r.reversals[0]).toMatchObject({ d1: { eventId: d1b }, d2: { eventId: d2 }, days: 1 });
    });

    it('honours a change of reversalWindowDays: the policy in force at D2 decides, later changes do not rewrite history', async () => {
      const b = new History();
      b.created(0, { reversalWindowDays: 30 });
      const early = b.add(0, { title: 'early' }); // 20 days apart, under the 30-day policy
      const straddle = b.add(0, { title: 'straddle' }); // 20 days apart, D2 after the change to 10
      const short = b.add(0, { title: 'short' }); // 7 days apart, D2 after the change
      const late = b.add(0, { title: 'late' }); // 20 days apart, both after the change
      b.move(10, early, 5, 1);
      b.move(30, early, 1, 5);
      b.move(35, straddle, 5, 1);
      b.move(45, short, 5, 1);
      b.policy(50, { reversalWindowDays: 10 });
      b.move(52, short, 1, 5);
      b.move(55, straddle, 1, 5);
      b.move(55, late, 5, 1);
      b.move(75, late, 1, 5);
      const db = await h.freshDatabase();
      await h.insert(db, b.events);
      expect(reversedItems(await report(b, { db }))).toEqual([early, short].sort());
      // As of day 49 (before the change) the early reversal is the same one.
      const before = await report(b, { db, at: 49 });
      expect(reversedItems(before)).toEqual([early]);
    });

    it('uses the default window (30 days) when the backlog has no recorded policy', async () => {
      const b = new History(); // no backlog.created
      const item = b.add(0);
      const other = b.add(0);
      b.move(1, item, 5, 1);
      b.move(31, item, 1, 5);
      b.move(1, other, 5, 1);
      b.move(32, other, 1, 5);
      expect(reversedItems(await report(b))).toEqual([item]);
    });
  });

  describe('rule 1: revive after kill', () => {
    it('a revival reverses the latest kill before it, however long ago (no window for kills)', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0, { title: 'phoenix' });
      const old = b.add(0, { title: 'lazarus' });
      b.kill(5, item);
      b.revive(20, item);
      const kill2 = b.kill(30, item);
      const revive2 = b.revive(31, item);
      const oldKill = b.kill(1, old);
      b.revive(301, old);
      const r = await report(b);
      expect(r.byRule).toEqual({ 'revive-after-kill': 3, 'overturned-escalation': 0, 'reprioritization-back': 0 });
      const second = r.reversals.find((x) => x.d2.eventId === revive2)!;
      expect(second).toMatchObject({ rule: 'revive-after-kill', title: 'phoenix', d1: { eventId: kill2, type: 'item.killed' }, days: 1 });
      expect(second.d1!.fromPosition).toBe(1);
      expect(second.d1!.toPosition).toBeNull();
      expect(r.reversals.find((x) => x.itemId === old)).toMatchObject({ d1: { eventId: oldKill }, days: 300 });
    });
  });

  describe('rule 2: overturned escalation', () => {
    it('only an overturned escalation reverses; the change it causes is not a second reversal nor a second decision', async () => {
      const b = new History();
      b.created(0);
      const won = b.add(0, { title: 'won' });
      const lost = b.add(0, { title: 'lost' });
      const d1 = b.move(5, won, 1, 6);
      const esc = b.escalate(6, won, d1, 'sam');
      const resolution = b.resolve(8, won, esc, d1, 'overturned');
      const change = b.move(8, won, 6, 1, { trigger: 'escalation', escalationId: esc.escalationId }); // fully back: rule 3 would match
      const d1Lost = b.move(5, lost, 1, 6);
      const escLost = b.escalate(6, lost, d1Lost, 'sam');
      b.resolve(9, lost, escLost, d1Lost, 'upheld');
      const r = await report(b);
      expect(r.reversingDecisions).toBe(1);
      expect(r.decisions).toBe(2 + 2 + 2); // adds, moves, resolutions — not the escalations, not the caused change
      expect(r.reversals).toEqual([
        {
          backlogId: b.backlogId,
          itemId: won,
          title: 'won',
          rule: 'overturned-escalation',
          d1: { eventId: d1, type: 'item.reprioritized', at: b.at(5), actorId: 'olga', fromPosition: 1, toPosition: 6, scale: 'rank', statedWhy: true },
          d2: {
            eventId: resolution,
            type: 'item.escalation-resolved',
            at: b.at(8),
            actorId: 'olga',
            fromPosition: null,
            toPosition: null,
            scale: null,
            statedWhy: true,
          },
          days: 3,
          escalation: {
            escalationId: esc.escalationId,
            raisedBy: 'sam',
            change: { eventId: change, type: 'item.reprioritized', at: b.at(8), actorId: 'olga', fromPosition: 6, toPosition: 1, scale: 'rank', statedWhy: true },
          },
        },
      ]);
      expect(r.byTrigger).toEqual({
        escalation: { decisions: 2, reversals: 1, rate: 0.5 },
        other: { decisions: 4, reversals: 0, rate: 0 },
      });
    });

    it('an overturned kill counts once (the revival it causes is not also a revive-after-kill)', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0);
      const kill = b.kill(5, item);
      const esc = b.escalate(6, item, kill, 'sam', 'item.killed');
      b.resolve(7, item, esc, kill, 'overturned');
      b.revive(7, item, { trigger: 'escalation', escalationId: esc.escalationId });
      const r = await report(b);
      expect(r.reversingDecisions).toBe(1);
      expect(r.reversals[0]).toMatchObject({ rule: 'overturned-escalation', d1: { eventId: kill }, days: 2 });
      expect(r.reversals[0].escalation!.change).toMatchObject({ type: 'item.revived', toPosition: 1, fromPosition: null });
      expect(r.decisions).toBe(3); // added, killed, resolution
    });

    it('a later owner move that undoes the escalation-caused change is a reversal of that change', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0);
      const d1 = b.move(5, item, 1, 6);
      const esc = b.escalate(6, item, d1, 'sam');
      b.resolve(8, item, esc, d1, 'overturned');
      const change = b.move(8, item, 6, 1, { trigger: 'escalation', escalationId: esc.escalationId });
      const back = b.move(12, item, 1, 6);
      const r = await report(b);
      expect(r.byRule).toEqual({ 'revive-after-kill': 0, 'overturned-escalation': 1, 'reprioritization-back': 1 });
      expect(r.reversals.find((x) => x.d2.eventId === back)).toMatchObject({ d1: { eventId: change }, days: 4 });
    });
  });

  describe('period and "as of"', () => {
    it('counts D2s in [from, to) and <= at; D1 may lie before the period', async () => {
      const b = new History();
      b.created(0);
      const before = b.add(0);
      const atFrom = b.add(0);
      const atTo = b.add(0);
      const afterAt = b.add(0);
      for (const item of [before, atFrom, atTo, afterAt]) b.move(1, item, 5, 1);
      b.move(9, before, 1, 5); // before from
      b.move(10, atFrom, 1, 5); // exactly at from: inside
      b.move(20, atTo, 1, 5); // exactly at to: outside
      b.move(18, afterAt, 1, 5); // after at
      const r = await report(b, { from: 10, to: 20, at: 17 });
      expect(reversedItems(r)).toEqual([atFrom]);
      expect(r.decisions).toBe(1); // only the move at day 10 lies in [10, 17]
      expect(r.rate).toBe(1);
      expect(r.period).toEqual({ from: b.at(10), to: b.at(20) });
      expect(r.at).toBe(b.at(17));
    });

    it('reports zero decisions with null rates for an empty period or an empty scope', async () => {
      const b = new History();
      b.created(0);
      b.add(5);
      const r = await report(b, { from: 100, to: 200 });
      expect(r).toMatchObject({ decisions: 0, reversingDecisions: 0, rate: null, medianDaysToReversal: null, byActor: [], topFlipFlops: [] });
      expect(r.byTrigger.escalation.rate).toBeNull();
      const db = await h.freshDatabase();
      const none = await reversals(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date() });
      expect(none.decisions).toBe(0);
      await expect(
        reversals(h.client, { database: db, backlogIds: ['x'], at: new Date() }, { from: new Date(10), to: new Date(5) }),
      ).rejects.toThrow(RangeError);
    });

    it('only counts the backlogs in scope', async () => {
      const a = new History();
      const b = new History();
      a.created(0);
      b.created(0);
      const x = a.add(0);
      const y = b.add(0);
      a.move(1, x, 5, 1);
      a.move(2, x, 1, 5);
      b.move(1, y, 5, 1);
      b.move(2, y, 1, 5);
      const db = await h.freshDatabase();
      await h.insert(db, [...a.events, ...b.events]);
      const only = await report(a, { db });
      expect(reversedItems(only)).toEqual([x]);
      const both = await reversals(
        h.client,
        { database: db, backlogIds: [a.backlogId, b.backlogId], at: new Date(a.at(1000)) },
        { from: new Date(a.at(0)), to: new Date(a.at(1000)) },
      );
      expect(both.reversingDecisions).toBe(2);
      expect(both.decisions).toBe(6);
    });
  });

  describe('splits, median, flip-flops, list', () => {
    it('splits by actor (of D2) and by trigger', async () => {
      const b = new History();
      b.created(0);
      const i1 = b.add(0);
      const i2 = b.add(0);
      const i3 = b.add(0);
      b.move(1, i1, 5, 1);
      b.move(2, i1, 1, 5, { actor: piet }); // piet reverses olga
      b.move(1, i2, 5, 1, { actor: piet });
      b.move(3, i2, 1, 5); // olga reverses piet
      b.move(4, i2, 5, 4, { actor: piet }); // not back (same direction as nothing in reach: 5→4 vs 1→5 is ¼ back)
      const d1 = b.move(1, i3, 2, 7);
      const esc = b.escalate(2, i3, d1, 'sam');
      b.resolve(3, i3, esc, d1, 'overturned');
      b.move(3, i3, 7, 2, { trigger: 'escalation', escalationId: esc.escalationId });
      const r = await report(b);
      // olga: 3 adds, 2 moves (i1, i2 back), 1 move (i3), 1 resolution = 7 decisions, 2 reversals (i2 back, resolution)
      // piet: 3 moves, 1 reversal
      expect(r.byActor).toEqual([
        { actorId: 'olga', decisions: 7, reversals: 2, rate: 2 / 7 },
        { actorId: 'piet', decisions: 3, reversals: 1, rate: 1 / 3 },
      ]);
      expect(r.byTrigger).toEqual({
        escalation: { decisions: 1, reversals: 1, rate: 1 },
        other: { decisions: 9, reversals: 2, rate: 2 / 9 },
      });
      expect(r.decisions).toBe(10);
      expect(r.reversingDecisions).toBe(3);
    });

    it('median time to reversal (mean of the two middle values for an even count)', async () => {
      const b = new History();
      b.created(0);
      const days = [2, 4, 10];
      const items = days.map(() => b.add(0));
      items.forEach((item, i) => {
        b.move(1, item, 5, 1);
        b.move(1 + days[i], item, 1, 5);
      });
      const db = await h.freshDatabase();
      await h.insert(db, b.events);
      expect((await report(b, { db })).medianDaysToReversal).toBe(4);
      const fourth = b.add(20);
      b.move(20, fourth, 5, 1);
      b.move(40, fourth, 1, 5);
      await h.insert(db, b.events); // re-inserting the earlier events changes nothing
      expect((await report(b, { db })).medianDaysToReversal).toBe(7);
    });

    it('ranks the items that flip-flopped most (top 10; ties: most recent reversal first)', async () => {
      const b = new History();
      b.created(0);
      const flipper = b.add(0, { title: 'flipper' });
      const twice = b.add(0, { title: 'twice' });
      b.move(1, flipper, 5, 1);
      b.move(2, flipper, 1, 5);
      b.move(3, flipper, 5, 1);
      b.move(4, flipper, 1, 5);
      b.move(1, twice, 5, 1);
      b.move(2, twice, 1, 5);
      b.move(3, twice, 5, 1);
      const onces = Array.from({ length: 12 }, (_, i) => {
        const item = b.add(0, { title: `once ${i}` });
        b.move(10 + i, item, 5, 1);
        b.move(11 + i, item, 1, 5);
        return item;
      });
      const r = await report(b);
      expect(r.topFlipFlops).toHaveLength(10);
      expect(r.topFlipFlops.slice(0, 3)).toEqual([
        { backlogId: b.backlogId, itemId: flipper, title: 'flipper', reversals: 3 },
        { backlogId: b.backlogId, itemId: twice, title: 'twice', reversals: 2 },
        { backlogId: b.backlogId, itemId: onces[11], title: 'once 11', reversals: 1 },
      ]);
      expect(r.topFlipFlops[9].itemId).toBe(onces[4]);
    });

    it('lists reversals most recent first and caps the list with a truncated flag', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0);
      b.move(1, item, 5, 1);
      const d2s = [b.move(2, item, 1, 5), b.move(3, item, 5, 1), b.move(4, item, 1, 5)];
      const db = await h.freshDatabase();
      await h.insert(db, b.events);
      const capped = await report(b, { db, listLimit: 2 });
      expect(capped.truncated).toBe(true);
      expect(capped.reversingDecisions).toBe(3);
      expect(capped.reversals.map((x) => x.d2.eventId)).toEqual([d2s[2], d2s[1]]);
      const full = await report(b, { db });
      expect(full.truncated).toBe(false);
      expect(full.reversals).toHaveLength(3);
    });
  });

  describe('trend', () => {
    it('each point equals the report as of that point over the preceding window', async () => {
      const b = new History();
      b.created(0, { reversalWindowDays: 5 });
      const items = [b.add(0), b.add(0), b.add(0)];
      items.forEach((item, i) => {
        b.move(2 + 4 * i, item, 5, 1);
        b.move(5 + 5 * i, item, 1, 5);
      });
      b.policy(9, { reversalWindowDays: 20 });
      b.kill(12, items[0]);
      b.revive(16, items[0]);
      const db = await h.freshDatabase();
      await h.insert(db, b.events);
      const points = [0, 7, 14, 21, 28].map((d) => new Date(b.at(d)));
      const trend = await reversalRateTrend(h.client, { database: db, backlogIds: [b.backlogId] }, points);
      expect(trend.map((p) => p.at)).toEqual(points.map((p) => p.toISOString()));
      for (const point of trend) {
        const at = new Date(point.at);
        const r = await reversals(
          h.client,
          { database: db, backlogIds: [b.backlogId], at },
          { from: new Date(at.getTime() - 7 * 86_400_000), to: at },
        );
        expect(point).toEqual({
          at: point.at,
          from: r.period.from,
          decisions: r.decisions,
          reversingDecisions: r.reversingDecisions,
          escalationReversals: r.byTrigger.escalation.reversals,
          rate: r.rate,
        });
      }
      expect(trend.map((p) => p.reversingDecisions)).toEqual([0, 1, 1, 2, 0]);
      expect(trend[0]).toMatchObject({ decisions: 0, rate: null });
    });
  });

  describe('imported tracker history (ADR 0025): moves off the ranking, reopenings, no stated why', () => {
    it('a priority raised and lowered again is a reversal on the priority scale; its decisions state no why', async () => {
      const b = new History();
      b.created(0);
      const item = b.add(0, { title: 'check-in' });
      b.statedWhy = false;
      const up = b.moveOff(5, item, { scale: 'priority', direction: 'up', fromLevel: 3, toLevel: 1, from: 'Medium', to: 'Highest' });
      const down = b.moveOff(13, item, { scale: 'priority', direction: 'down', fromLevel: 1, toLevel: 3, from: 'Highest', to: 'Medium' });
      const r = await report(b);
      expect(r.byRule['reprioritization-back']).toBe(1);
      expect(r.reversals).toEqual([
        expect.objectContaining({
          rule: 'reprioritization-back',
          d1: { eventId: up, type: 'item.reprioritized', at: b.at(5), actorId: 'olga', fromPosition: 3, toPosition: 1, scale: 'priority', statedWhy: false },
          d2: { eventId: down, type: 'item.reprioritized', at: b.at(13), actorId: 'olga', fromPosition: 1, toPosition: 3, scale: 'priority', statedWhy: false },
          days: 8,
        }),
      ]);
      expect(r.decisions).toBe(3);
      expect(r.withoutStatedWhy).toEqual({ decisions: 2, reversingDecisions: 1 });
    });

    it('a move whose positions are unknown is never D1 nor D2; moves on different scales are not compared', async () => {
      const b = new History();
      b.created(0);
      const ranked = b.add(0, { title: 'ranked higher, then lower' });
      const mixed = b.add(0, { title: 'priority up, then down in the ranking' });
      const around = b.add(0, { title: 'an exact move back across an approximate one' });
      // Direction-only moves back and forth: no positions, no reversal (not even "fully back").
      b.moveOff(1, ranked, { scale: 'rank', direction: 'up', to: 'Ranked higher' });
      b.moveOff(2, ranked, { scale: 'rank', direction: 'down', to: 'Ranked lower' });
      b.moveOff(3, ranked, { scale: 'schedule', direction: 'down', from: 'Sprint 3', to: 'Sprint 4' });
      b.moveOff(4, ranked, { scale: 'schedule', direction: 'up', from: 'Sprint 4', to: 'Sprint 3' });
      // Up three levels, then down five places in the ranking: opposite directions and "half-way" by the numbers,
      // but a level is not a position.
      b.moveOff(1, mixed, { scale: 'priority', direction: 'up', fromLevel: 4, toLevel: 1 });
      b.move(2, mixed, 1, 6);
      // D1 exact 1 → 6; an approximate "Ranked higher" in between is skipped; the exact move back pairs with D1.
      const d1 = b.move(1, around, 1, 6);
      b.moveOff(2, around, { scale: 'rank', direction: 'up' });
      const d2 = b.move(3, around, 6, 1);
      const r = await report(b);
      expect(r.reversals.map((x) => [x.itemId, x.d1?.eventId, x.d2.eventId])).toEqual([[around, d1, d2]]);
      expect(r.decisions).toBe(3 + 4 + 2 + 3);
      expect(r.withoutStatedWhy).toEqual({ decisions: 0, reversingDecisions: 0 });
    });

    it('a reopening is a decision but not a reversal (a revival after a kill is)', async () => {
      const b = new History();
      b.created(0);
      const shipped = b.add(0, { title: 'shipped, then reopened' });
      b.deliver(2, shipped);
      b.reopen(3, shipped);
      b.deliver(4, shipped);
      const r = await report(b);
      expect(r.decisions).toBe(4);
      expect(r.reversingDecisions).toBe(0);
    });
  });

  describe('rates by backlog (portfolio)', () => {
    it('gives each backlog exactly the numbers of its own report, in the scope order, for several "as of" instants', async () => {
      const events = generateHistory({ events: 4000, backlogs: 4, days: 200, seed: 7 });
      const db = await h.freshDatabase();
      await h.insert(db, events);
      const backlogIds = [...new Set(events.filter((e) => e.type === 'backlog.created').map((e) => String(e.data.backlogId)))];
      const unknown = '00000000-0000-4000-8000-000000000000';
      const scopeIds = [...backlogIds.slice().reverse(), unknown];
      const first = Date.parse(events[0].recordedAt);
      let reversalsSeen = 0;
      for (const days of [60, 130, 220]) {
        const at = new Date(first + days * 86_400_000);
        const period = { from: new Date(at.getTime() - 90 * 86_400_000), to: at };
        const rates = await reversalRatesByBacklog(h.client, { database: db, backlogIds: scopeIds, at }, period);
        expect(rates.map((r) => r.backlogId)).toEqual(scopeIds);
        for (const r of rates) {
          const own = await reversals(h.client, { database: db, backlogIds: [r.backlogId], at }, period, { listLimit: 0 });
          expect(r).toEqual({ backlogId: r.backlogId, decisions: own.decisions, reversingDecisions: own.reversingDecisions, rate: own.rate });
          reversalsSeen += r.reversingDecisions;
        }
        expect(rates[rates.length - 1]).toEqual({ backlogId: unknown, decisions: 0, reversingDecisions: 0, rate: null });
      }
      expect(reversalsSeen).toBeGreaterThan(0);
      expect(await reversalRatesByBacklog(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date() })).toEqual([]);
    });
  });

  describe('property: as of T == only the events up to T; redelivery changes nothing', () => {
    type Op =
      | { kind: 'move'; item: number; to: number; dt: number; actor: number }
      | { kind: 'kill'; item: number; dt: number }
      | { kind: 'revive'; item: number; dt: number }
      | { kind: 'escalate'; item: number; dt: number; outcome: 'upheld' | 'overturned' | 'open'; to: number }
      | { kind: 'policy'; window: number; dt: number }
      | { kind: 'priority'; item: number; level: number; dt: number }
      | { kind: 'approximate'; item: number; up: boolean; dt: number };
    const dt = fc.double({ min: 0, max: 6, noNaN: true });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), item: fc.nat(3), to: fc.integer({ min: 1, max: 8 }), dt, actor: fc.nat(1) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), item: fc.nat(3), dt }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('revive' as const), item: fc.nat(3), dt }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('escalate' as const), item: fc.nat(3), dt, outcome: fc.constantFrom('upheld' as const, 'overturned' as const, 'open' as const), to: fc.integer({ min: 1, max: 8 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('policy' as const), window: fc.integer({ min: 1, max: 30 }), dt }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('priority' as const), item: fc.nat(3), level: fc.integer({ min: 1, max: 5 }), dt }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('approximate' as const), item: fc.nat(3), up: fc.boolean(), dt }) },
    );

    /** A valid history: killed items are not moved, only killed items are revived, escalations name a decision of the item. */
    function build(ops: Op[], window: number): History {
      const b = new History();
      b.created(0, { reversalWindowDays: window });
      const items = [0, 1, 2, 3].map(() => b.add(0));
      const state = items.map(() => ({ position: 4, killed: false, last: '', level: 3 }));
      let day = 0;
      for (const o of ops) {
        day += o.dt;
        if (o.kind === 'policy') {
          b.policy(day, { reversalWindowDays: o.window });
          continue;
        }
        const s = state[o.item];
        const id = items[o.item];
        if (o.kind === 'priority' && !s.killed && o.level !== s.level) {
          s.last = b.moveOff(day, id, { scale: 'priority', direction: o.level < s.level ? 'up' : 'down', fromLevel: s.level, toLevel: o.level });
          s.level = o.level;
        } else if (o.kind === 'approximate' && !s.killed) {
          s.last = b.moveOff(day, id, { scale: 'rank', direction: o.up ? 'up' : 'down' });
        } else if (o.kind === 'move' && !s.killed && o.to !== s.position) {
          s.last = b.move(day, id, s.position, o.to, { actor: o.actor ? piet : undefined });
          s.position = o.to;
        } else if (o.kind === 'kill' && !s.killed) {
          s.last = b.kill(day, id);
          s.killed = true;
        } else if (o.kind === 'revive' && s.killed) {
          s.last = b.revive(day, id, { position: 3 });
          s.killed = false;
          s.position = 3;
        } else if (o.kind === 'escalate' && s.last) {
          const esc = b.escalate(day, id, s.last, o.to % 2 ? 'sam' : 'kim');
          if (o.outcome === 'open') continue;
          b.resolve(day + 0.5, id, esc, s.last, o.outcome);
          if (o.outcome === 'overturned') {
            if (s.killed) {
              b.revive(day + 0.5, id, { trigger: 'escalation', escalationId: esc.escalationId, position: 2 });
              s.killed = false;
              s.position = 2;
            } else if (o.to !== s.position) {
              b.move(day + 0.5, id, s.position, o.to, { trigger: 'escalation', escalationId: esc.escalationId });
              s.position = o.to;
            }
          }
          day += 0.5;
        }
      }
      return b;
    }

    it('holds for random histories', async () => {
      let reversalsSeen = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 5, maxLength: 40 }),
          fc.integer({ min: 1, max: 30 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 0.5, noNaN: true }),
          async (ops, window, tFraction, fromFraction) => {
            const b = build(ops, window);
            const end = Date.parse(b.events[b.events.length - 1].metadata.occurredAt as string);
            const start = b.start.getTime();
            const T = new Date(Math.round(start + tFraction * (end - start + 86_400_000)));
            const period = { from: new Date(Math.round(start + fromFraction * (end - start))), to: new Date(end + 86_400_000) };
            const [all, twice, upToT] = [await h.freshDatabase(), await h.freshDatabase(), await h.freshDatabase()];
            await h.insert(all, b.events);
            const half = Math.floor(b.events.length / 2);
            await h.insert(twice, b.events.slice(0, half));
            await h.insert(twice, b.events); // redelivery of the first half, in a second batch
            await h.insert(twice, b.events.slice(half));
            await h.insert(upToT, b.events.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
            const run = (database: string, at: Date) =>
              reversals(h.client, { database, backlogIds: [b.backlogId], at }, period);
            const expected = await run(upToT, T);
            expect(await run(all, T)).toEqual(expected);
            expect(await run(twice, T)).toEqual(expected);
            const atEnd = new Date(end + 86_400_000);
            expect(await run(twice, atEnd)).toEqual(await run(all, atEnd));
            // invariants of the report itself
            expect(expected.reversingDecisions).toBeLessThanOrEqual(expected.decisions);
            expect(expected.byTrigger.escalation.reversals + expected.byTrigger.other.reversals).toBe(expected.reversingDecisions);
            expect(expected.byActor.reduce((a, x) => a + x.decisions, 0)).toBe(expected.decisions);
            reversalsSeen += expected.reversingDecisions;
          },
        ),
        { numRuns: 25 },
      );
      expect(reversalsSeen).toBeGreaterThan(0); // the generator does produce reversals
    }, 300_000); // generous: a loaded CI machine runs 25 histories x 4 databases far slower than a quiet one
  });
});
