import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FixedClock, type Role } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { ScoredBacklog } from '../testing/scored-backlog';
import { appendHistory } from '../testing/generated-history';
import { projectAll } from '../projection/analytics-projector';
import { rebuildProjection } from '../projection/rebuild';
import { againstTheScore, againstTheScoreByBacklog, againstTheScoreTrend, type AgainstScoreReport } from './against-score';

const DAY = 86_400_000;

/** Golden scenarios for DOMAIN.md "Against the score" (docs/metrics-decision-quality.md), one per clause and edge. */
describe('decisions against the score (DOMAIN.md "Against the score")', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  const piet = { id: 'piet', role: 'product-owner' as Role };

  async function report(history: History, opts: { from?: number; to?: number; at?: number; db?: string; listLimit?: number } = {}): Promise<AgainstScoreReport> {
    const db = opts.db ?? (await h.freshDatabase());
    if (!opts.db) await h.insert(db, history.events);
    return againstTheScore(
      h.client,
      { database: db, backlogIds: [history.backlogId], at: new Date(history.at(opts.at ?? 1000)) },
      { from: new Date(history.at(opts.from ?? 0)), to: new Date(history.at(opts.to ?? 1000)) },
      { listLimit: opts.listLimit },
    );
  }

  it('a move past an open item scored clearly higher is against the score, listed with the items passed over', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    const top = b.add(0, { value: 50, title: 'top' });
    const strong = b.add(0, { value: 30, title: 'strong' });
    const weak = b.add(0, { value: 10, title: 'weak' });
    const pet = b.add(0, { value: 5, title: 'pet project' });
    const against = b.move(1, pet, 2); // passes strong (30) and weak (10): 30 > 1.2 × 5, 10 > 6
    b.move(2, top, 4); // down: passes nobody
    const r = await report(b.h);
    expect(r).toMatchObject({ reprioritizations: 2, judged: 2, against: 1, share: 0.5, shareOfJudged: 0.5, truncated: false });
    expect(r.decisions).toEqual([
      {
        eventId: against,
        backlogId: b.h.backlogId,
        itemId: pet,
        title: 'pet project',
        at: b.h.at(1),
        actorId: 'olga',
        trigger: 'routine',
        fromPosition: 4,
        toPosition: 2,
        score: 5,
        model: 'value-effort',
        scoreMargin: 0.2,
        passedOverCount: 2,
        passedOver: [
          { itemId: strong, title: 'strong', score: 30 },
          { itemId: weak, title: 'weak', score: 10 },
        ],
      },
    ]);
    expect(top).toBeDefined();
  });

  it('exactly at the margin is not against the score; just above it is', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 12, title: 'at the margin' });
    const i1 = b.add(0, { value: 10 });
    b.move(1, i1, 1); // 12 = 1.2 × 10: not more than the margin
    const b2 = new ScoredBacklog(new History());
    b2.h.created(0);
    b2.add(0, { value: 12.01 });
    const i2 = b2.add(0, { value: 10 });
    b2.move(1, i2, 1);
    expect(await report(b.h)).toMatchObject({ reprioritizations: 1, judged: 1, against: 0, share: 0, decisions: [] });
    expect(await report(b2.h)).toMatchObject({ reprioritizations: 1, against: 1, share: 1 });
  });

  it('unscored items never count: not as the moved item, not as the item passed over', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: undefined, title: 'unscored, high up' });
    b.add(0, { inputs: { value: 100 }, title: 'incomplete inputs: no effort' });
    const scored = b.add(0, { value: 1 });
    const unscored = b.add(0, { value: undefined });
    b.move(1, scored, 1); // passes two unscored items
    b.move(2, unscored, 1); // the moved item has no score: not judged
    const r = await report(b.h);
    expect(r).toMatchObject({ reprioritizations: 2, judged: 1, against: 0, share: 0, shareOfJudged: 0 });
  });

  it('a move off the ranking (an imported priority raise or "Ranked higher", ADR 0025) passes no item: a reprioritization, judged, never against', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 90, title: 'clearly better' });
    const low = b.add(0, { value: 5, title: 'low' });
    b.moveOff(1, low, { scale: 'priority', direction: 'up', fromLevel: 3, toLevel: 1, approximate: false });
    b.moveOff(2, low, { scale: 'rank', direction: 'up' });
    const r = await report(b.h);
    expect(r).toMatchObject({ reprioritizations: 2, judged: 2, against: 0, share: 0, decisions: [] });
    expect(r.byTrigger).toEqual([expect.objectContaining({ trigger: 'routine', reprioritizations: 2, judged: 2, against: 0 })]);
  });

  it('only open items count as passed over: a killed or delivered item scored higher is not in the ranking', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    const killed = b.add(0, { value: 90 });
    const delivered = b.add(0, { value: 80 });
    const low = b.add(0, { value: 20 });
    const item = b.add(0, { value: 18 });
    b.kill(1, killed);
    b.deliver(1, delivered);
    b.move(2, item, 1); // passes only `low` (20 is not more than 1.2 × 18 = 21.6)
    expect(await report(b.h)).toMatchObject({ reprioritizations: 1, judged: 1, against: 0 });
  });

  it('only items it did not rank above right before: moving from 5 to 3 passes positions 3 and 4, not 1, 2 or 6', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    const values = [100, 100, 1, 1, 5, 100];
    const ids = values.map((value) => b.add(0, { value }));
    b.move(1, ids[4], 3); // passes ids[2] and ids[3] (score 1): not against
    expect(await report(b.h)).toMatchObject({ against: 0 });
    b.move(2, ids[5], 5); // from 6 to 5 passes only ids[3]? order now: 100,100,5,1,1,100 → passes position 5 (score 1)
    expect(await report(b.h)).toMatchObject({ reprioritizations: 2, against: 0 });
  });

  it('splits by trigger and by actor (escalation-caused moves included), most against first', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    const hi = b.add(0, { value: 50 });
    const a = b.add(0, { value: 5 });
    const c = b.add(0, { value: 6 });
    b.move(1, a, 1, { trigger: 'stakeholder-request', actor: piet }); // against (passes hi)
    b.move(2, c, 1, { trigger: 'stakeholder-request' }); // against (passes a? 5 < 7.2; passes hi 50: yes)
    b.move(3, hi, 1, { trigger: 'review' }); // not against
    const r = await report(b.h);
    expect(r.byTrigger).toEqual([
      { trigger: 'stakeholder-request', reprioritizations: 2, judged: 2, against: 2, share: 1, shareOfJudged: 1 },
      { trigger: 'review', reprioritizations: 1, judged: 1, against: 0, share: 0, shareOfJudged: 0 },
    ]);
    expect(r.byActor).toEqual([
      { actorId: 'olga', reprioritizations: 2, judged: 2, against: 1, share: 0.5, shareOfJudged: 0.5 },
      { actorId: 'piet', reprioritizations: 1, judged: 1, against: 1, share: 1, shareOfJudged: 1 },
    ]);
  });

  it('changing the model or the margin later never rewrites past judgements; a move judged by the new margin is', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 11.5 });
    const x = b.add(0, { value: 10 });
    b.move(1, x, 1); // 11.5 ≤ 12: not against under 20 %
    const db = await h.freshDatabase();
    await h.insert(db, b.h.events);
    const before = await report(b.h, { db });
    b.changePolicy(5, { model: 'value-effort', scoreMargin: 0.1 });
    b.changePolicy(6, { model: 'rice', scoreMargin: 0 }); // nothing is scored under RICE with these inputs
    await h.insert(db, b.h.events);
    expect(await report(b.h, { db, to: 5 })).toEqual({ ...before, period: { from: b.h.at(0), to: b.h.at(5) } });
    b.changePolicy(7, { model: 'value-effort', scoreMargin: 0.1 });
    const y = b.order[1];
    b.move(8, y, 1); // now 11.5 passes... y is 11.5 moved over 10: down? order is [x(10), 11.5] → 11.5 passes 10: not against
    b.move(9, x, 1); // 11.5 > 1.1 × 10 = 11: against under the new margin
    await h.insert(db, b.h.events);
    const r = await report(b.h, { db });
    expect(r).toMatchObject({ reprioritizations: 3, judged: 3, against: 1 });
    expect(r.decisions[0]).toMatchObject({ scoreMargin: 0.1, score: 10 });
  });

  it('reprioritizations recorded before scores were frozen (schema 1) count, but none is judged', async () => {
    const b = new History();
    b.created(0);
    const i = b.add(0);
    b.add(0);
    b.move(1, i, 1, 2);
    expect(await report(b)).toMatchObject({ reprioritizations: 1, judged: 0, against: 0, share: 0, shareOfJudged: null });
  });

  it('counts moves in [from, to) and <= at; an empty period or scope reports zeros with null shares', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 50 });
    const low = [b.add(0, { value: 1 }), b.add(0, { value: 1 }), b.add(0, { value: 1 })];
    b.move(9, low[0], 1);
    b.move(10, low[1], 1); // at from: inside
    b.move(20, low[2], 1); // at to: outside
    const db = await h.freshDatabase();
    await h.insert(db, b.h.events);
    expect(await report(b.h, { db, from: 10, to: 20 })).toMatchObject({ reprioritizations: 1, against: 1 });
    expect(await report(b.h, { db, from: 10, to: 20, at: 9.5 })).toMatchObject({ reprioritizations: 0, against: 0, share: null, shareOfJudged: null });
    expect(await againstTheScore(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date() })).toMatchObject({ reprioritizations: 0, share: null });
    await expect(againstTheScore(h.client, { database: db, backlogIds: ['x'], at: new Date() }, { from: new Date(10), to: new Date(5) })).rejects.toThrow(RangeError);
  });

  it('caps the list, most recent first, with a truncated flag (the counts stay complete)', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 50 });
    const items = [b.add(0, { value: 1 }), b.add(0, { value: 1 }), b.add(0, { value: 1 })];
    const moves = items.map((id, i) => b.move(1 + i, id, 1));
    const r = await report(b.h, { listLimit: 2 });
    expect(r).toMatchObject({ against: 3, truncated: true });
    expect(r.decisions.map((d) => d.eventId)).toEqual([moves[2], moves[1]]);
  });

  it('trend: each weekly point equals the report as of that point over the preceding week', async () => {
    const b = new ScoredBacklog(new History());
    b.h.created(0);
    b.add(0, { value: 50 });
    const items = Array.from({ length: 6 }, (_, i) => b.add(0, { value: i % 2 ? 1 : 60 }));
    items.forEach((id, i) => b.move(1 + 3.5 * i, id, 1));
    const db = await h.freshDatabase();
    await h.insert(db, b.h.events);
    const points = [0, 7, 14, 21, 28].map((d) => new Date(b.h.at(d)));
    const trend = await againstTheScoreTrend(h.client, { database: db, backlogIds: [b.h.backlogId] }, points);
    for (const point of trend) {
      const at = new Date(point.at);
      const r = await againstTheScore(h.client, { database: db, backlogIds: [b.h.backlogId], at }, { from: new Date(at.getTime() - 7 * DAY), to: at });
      expect(point).toEqual({ at: point.at, from: r.period.from, reprioritizations: r.reprioritizations, judged: r.judged, against: r.against, share: r.share });
    }
    expect(trend.map((p) => p.reprioritizations)).toEqual([0, 2, 2, 2, 0]);
    // A point asked for twice is the same point twice (found by the property test: rows were joined once per copy).
    const twice = await againstTheScoreTrend(h.client, { database: db, backlogIds: [b.h.backlogId] }, [points[1], points[1]]);
    expect(twice).toEqual([trend[1], trend[1]]);
    expect(trend.some((p) => p.against > 0)).toBe(true);
  });

  it('by backlog (the portfolio): each backlog gets exactly its own report\'s numbers, in the scope\'s order', async () => {
    const histories = [0, 1, 2].map(() => new ScoredBacklog(new History()));
    histories.forEach((b, k) => {
      b.h.created(0);
      b.add(0, { value: 50 });
      for (let i = 0; i <= k; i++) b.move(1 + i, b.add(0, { value: i % 2 ? 100 : 1 }), 1);
    });
    const db = await h.load(...histories.map((b) => b.h));
    const ids = histories.map((b) => b.h.backlogId).reverse();
    const period = { from: new Date(histories[0].h.at(0)), to: new Date(histories[0].h.at(100)) };
    const at = new Date(histories[0].h.at(100));
    const rows = await againstTheScoreByBacklog(h.client, { database: db, backlogIds: [...ids, 'unknown'], at }, period);
    expect(rows.map((r) => r.backlogId)).toEqual([...ids, 'unknown']);
    for (const r of rows) {
      const own = await againstTheScore(h.client, { database: db, backlogIds: [r.backlogId], at }, period, { listLimit: 0 });
      const { backlogId: _b, ...numbers } = r;
      expect(numbers).toEqual({ reprioritizations: own.reprioritizations, judged: own.judged, against: own.against, share: own.share, shareOfJudged: own.shareOfJudged });
    }
    expect(rows.slice(0, 3).map((r) => r.against)).toEqual([2, 1, 1]);
  });

  describe('property: incremental == rebuild, and as of T == only the events up to T', () => {
    type Op = { kind: 'add'; value: number | null; dt: number } | { kind: 'move'; item: number; to: number; dt: number; value: number | null; actor: number } | { kind: 'kill' | 'deliver'; item: number; dt: number } | { kind: 'margin'; margin: number; dt: number };
    const dt = fc.double({ min: 0, max: 4, noNaN: true });
    const value = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), value, dt }) },
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), item: fc.nat(20), to: fc.nat(20), dt, value, actor: fc.nat(1) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('kill' as const, 'deliver' as const), item: fc.nat(20), dt }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('margin' as const), margin: fc.constantFrom(0, 0.1, 0.2, 0.5), dt }) },
    );

    function build(ops: Op[]): ScoredBacklog {
      const b = new ScoredBacklog(new History());
      b.h.created(0, { scoringModel: 'value-effort' });
      for (let i = 0; i < 4; i++) b.add(0, { value: i * 7 });
      let day = 0;
      for (const o of ops) {
        day += o.dt;
        if (o.kind === 'add') b.add(day, { value: o.value ?? undefined });
        else if (o.kind === 'margin') b.changePolicy(day, { model: 'value-effort', scoreMargin: o.margin });
        else if (b.order.length > 1) {
          const id = b.order[o.item % b.order.length];
          if (o.kind === 'move') {
            const to = 1 + (o.to % b.order.length);
            if (to !== b.position(id)) b.move(day, id, to, { actor: o.actor ? piet : undefined, inputs: o.value === null ? undefined : ScoredBacklog.value(o.value) });
          } else if (o.kind === 'kill') b.kill(day, id);
          else b.deliver(day, id);
        }
      }
      return b;
    }

    it('as of T == only the events up to T, and redelivery changes nothing (more histories, without the store)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), async (ops, tFraction) => {
          const b = build(ops);
          const events = b.h.events;
          const start = b.h.start.getTime();
          const end = Date.parse(events[events.length - 1].recordedAt) + DAY;
          const T = new Date(Math.round(start + tFraction * (end - start)));
          const [twice, upToT] = [await h.freshDatabase(), await h.freshDatabase()];
          await h.insert(twice, events.slice(0, Math.ceil(events.length / 2)));
          await h.insert(twice, events);
          await h.insert(upToT, events.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
          const period = { from: new Date(start), to: new Date(end) };
          const at = (database: string) => againstTheScore(h.client, { database, backlogIds: [b.h.backlogId], at: T }, period);
          expect(await at(twice)).toEqual(await at(upToT));
        }),
        { numRuns: 15 },
      );
    }, 400_000);

    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-against-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    let run = 0;

    it('holds for random scored histories', async () => {
      let againstSeen = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), async (ops, tFraction) => {
          const b = build(ops);
          const events = b.h.events;
          const start = b.h.start.getTime();
          const end = Date.parse(events[events.length - 1].recordedAt) + DAY;
          const T = new Date(Math.round(start + tFraction * (end - start)));
          const period = { from: new Date(start), to: new Date(end) };
          // Incremental: the projector's way (small batches, a redelivered batch); rebuilt: projectAll then a rebuild.
          const store = SqliteEventStore.open({ file: join(dir, `events-${++run}.sqlite`), clock: new FixedClock(new Date('2026-06-01T00:00:00.000Z')) });
          try {
            await appendHistory(store, events);
            // The store numbers the events itself (concurrent appends of different streams may commit in another order):
            // redeliveries and the as-of database use the events as stored, positions included.
            const stored = await store.readAll({ after: 0, limit: 10_000 });
            const [incremental, rebuilt, upToT] = [await h.freshDatabase(), await h.freshDatabase(), await h.freshDatabase()];
            await projectAll(h.client, incremental, store, undefined, { batchSize: 16 });
            await h.insert(incremental, stored.slice(0, Math.floor(stored.length / 2))); // redelivery
            await rebuildProjection({ client: h.client, database: rebuilt, store });
            await h.insert(upToT, stored.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
            const at = (database: string, when: Date) => againstTheScore(h.client, { database, backlogIds: [b.h.backlogId], at: when }, period);
            const trend = (database: string) => againstTheScoreTrend(h.client, { database, backlogIds: [b.h.backlogId] }, [T, new Date(end)]);
            const expected = await at(upToT, T);
            expect(await at(incremental, T)).toEqual(expected);
            expect(await at(rebuilt, T)).toEqual(expected);
            const atEnd = await at(incremental, new Date(end));
            expect(await at(rebuilt, new Date(end))).toEqual(atEnd);
            expect(await trend(rebuilt)).toEqual(await trend(incremental));
            expect((await againstTheScoreTrend(h.client, { database: upToT, backlogIds: [b.h.backlogId] }, [T]))[0]).toEqual((await trend(incremental))[0]);
            // the report's own invariants
            expect(expected.against).toBeLessThanOrEqual(expected.judged);
            expect(expected.judged).toBeLessThanOrEqual(expected.reprioritizations);
            expect(expected.byActor.reduce((a, x) => a + x.against, 0)).toBe(expected.against);
            againstSeen += atEnd.against;
          } finally {
            await store.close();
          }
        }),
        { numRuns: 6 },
      );
      expect(againstSeen).toBeGreaterThan(0); // the generator does produce moves against the score
    }, 400_000);
  });
});
