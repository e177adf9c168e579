import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FixedClock, type Role } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { appendHistory } from '../testing/generated-history';
import { projectAll } from '../projection/analytics-projector';
import { rebuildProjection } from '../projection/rebuild';
import { calibration, type CalibrationReport } from './calibration';

const DAY = 86_400_000;

/** Golden scenarios for DOMAIN.md "Outcome calibration" (docs/metrics-decision-quality.md), one per clause and edge. */
describe('outcome calibration (DOMAIN.md "Outcome calibration")', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  const piet = { id: 'piet', role: 'product-owner' as Role };
  const pia = { id: 'pia', role: 'product-leader' as Role };

  async function report(history: History, opts: { from?: number; to?: number; at?: number; db?: string; listLimit?: number } = {}): Promise<CalibrationReport> {
    const db = opts.db ?? (await h.freshDatabase());
    if (!opts.db) await h.insert(db, history.events);
    return calibration(
      h.client,
      { database: db, backlogIds: [history.backlogId], at: new Date(history.at(opts.at ?? 200)) },
      { from: new Date(history.at(opts.from ?? 0)), to: new Date(history.at(opts.to ?? 200)) },
      { listLimit: opts.listLimit },
    );
  }
  const statusOf = (r: CalibrationReport, itemId: string) => r.overdue.find((i) => i.itemId === itemId)?.status;

  it('validated, refuted, unknown, overdue and without objective; validation rate = validated ÷ (validated + refuted)', async () => {
    const b = new History(); // start 2026-01-01, outcomeDueDays 90
    b.created(0);
    const o = b.objective(0);
    const validated = b.add(0, { objectiveId: o, title: 'validated' });
    const refuted = b.add(0, { objectiveId: o, title: 'refuted' });
    const unknown = b.add(0, { objectiveId: o, title: 'unknown' });
    const overdue = b.add(0, { objectiveId: o, title: 'overdue' });
    const none = b.add(0, { title: 'no objective' });
    for (const id of [validated, refuted, overdue, none]) b.deliver(10, id);
    b.deliver(150, unknown); // 50 days before `at` (day 200): not due yet
    b.outcome(40, validated, o, true);
    b.outcome(40, refuted, o, false);
    const r = await report(b);
    expect(r.totals).toEqual({ delivered: 5, validated: 1, refuted: 1, unknown: 1, overdue: 1, noObjective: 1, validationRate: 0.5 });
    expect(r.byBacklog).toEqual([{ backlogId: b.backlogId, outcomeDueDays: 90, ...r.totals }]);
    expect(r.overdue).toEqual([
      {
        backlogId: b.backlogId,
        itemId: overdue,
        title: 'overdue',
        deliveredAt: b.at(10),
        decisionMaker: 'olga',
        objectiveId: o,
        status: 'overdue',
        outcome: null,
        dueAt: b.at(100),
        daysSinceDelivery: 190,
      },
    ]);
  });

  it('overdue exactly outcomeDueDays after delivery, unknown a moment before', async () => {
    const b = new History();
    b.created(0, { outcomeDueDays: 30 });
    const o = b.objective(0);
    const item = b.add(0, { objectiveId: o });
    b.deliver(10, item);
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    expect((await report(b, { db, at: 39.99 })).totals).toMatchObject({ unknown: 1, overdue: 0 });
    expect((await report(b, { db, at: 40 })).totals).toMatchObject({ unknown: 0, overdue: 1 });
    expect((await report(b, { db, at: 40 })).byBacklog[0].outcomeDueDays).toBe(30);
  });

  it('an outcome recorded late: overdue as of before it, validated as of after it', async () => {
    const b = new History();
    b.created(0);
    const o = b.objective(0);
    const item = b.add(0, { objectiveId: o });
    b.deliver(10, item);
    b.outcome(130, item, o, true); // 120 days after delivery: 30 days late
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    const before = await report(b, { db, at: 129 });
    expect(before.totals).toMatchObject({ delivered: 1, overdue: 1, validated: 0, validationRate: null });
    expect(statusOf(before, item)).toBe('overdue');
    const after = await report(b, { db, at: 131 });
    expect(after.totals).toMatchObject({ delivered: 1, overdue: 0, validated: 1, validationRate: 1 });
    expect(after.overdue).toEqual([]);
  });

  it('only outcomes on the linked objective, recorded after delivery, count; the latest one decides', async () => {
    const b = new History();
    b.created(0);
    const o = b.objective(0);
    const other = b.objective(0);
    const early = b.add(0, { objectiveId: o });
    const elsewhere = b.add(0, { objectiveId: o });
    const changed = b.add(0, { objectiveId: o });
    const relinked = b.add(0, { objectiveId: other });
    b.startWork(1, early);
    b.outcome(5, early, o, true); // while in progress: before delivery, does not count
    b.deliver(10, early);
    b.deliver(10, elsewhere);
    b.outcome(20, elsewhere, other, true); // another objective
    b.deliver(10, changed);
    b.outcome(20, changed, o, true);
    b.outcome(30, changed, o, false); // the latest says not moved
    b.link(5, relinked, o); // linked to o before delivery: o is the one that counts
    b.deliver(10, relinked);
    b.outcome(20, relinked, o, true);
    const r = await report(b, { at: 60 });
    expect(r.totals).toEqual({ delivered: 4, validated: 1, refuted: 1, unknown: 2, overdue: 0, noObjective: 0, validationRate: 0.5 });
  });

  it('decision-maker: the last reprioritization before the start; the adder when there is none; the last before delivery when never started', async () => {
    const b = new History();
    b.created(0);
    const o = b.objective(0);
    const moved = b.add(0, { objectiveId: o, actor: pia });
    b.move(1, moved, 3, 1, { actor: piet });
    b.startWork(2, moved);
    b.move(3, moved, 1, 2); // after the start: not the decision-maker's
    b.deliver(4, moved);
    const added = b.add(0, { objectiveId: o, actor: pia });
    b.deliver(4, added);
    const unstarted = b.add(0, { objectiveId: o });
    b.move(2, unstarted, 3, 1, { actor: pia });
    b.move(3, unstarted, 1, 2, { actor: piet });
    b.deliver(4, unstarted);
    const r = await report(b, { at: 10 });
    expect(r.byDecisionMaker).toEqual([
      { actorId: 'pia', delivered: 1, validated: 0, refuted: 0, unknown: 1, overdue: 0, noObjective: 0, validationRate: null },
      { actorId: 'piet', delivered: 2, validated: 0, refuted: 0, unknown: 2, overdue: 0, noObjective: 0, validationRate: null },
    ].sort((x, y) => y.delivered - x.delivered));
  });

  it('per month of delivery, every month of the period (empty ones too): throughput next to validated', async () => {
    const b = new History(); // day 0 = 2026-01-01
    b.created(0);
    const o = b.objective(0);
    const jan = [b.add(0, { objectiveId: o }), b.add(0, { objectiveId: o }), b.add(0)];
    const mar = [b.add(0, { objectiveId: o })];
    jan.forEach((id) => b.deliver(10, id));
    mar.forEach((id) => b.deliver(65, id)); // 2026-03-07
    b.outcome(20, jan[0], o, true);
    b.outcome(20, jan[1], o, false);
    b.outcome(80, mar[0], o, true);
    const r = await report(b, { from: 0, to: 90, at: 200 }); // 2026-01-01 .. 2026-04-01
    expect(r.byMonth.map((m) => [m.month, m.delivered, m.validated, m.refuted, m.noObjective, m.validationRate])).toEqual([
      ['2026-01', 3, 1, 1, 1, 0.5],
      ['2026-02', 0, 0, 0, 0, null],
      ['2026-03', 1, 1, 0, 0, 1],
    ]);
  });

  it('counts items delivered in [from, to) and <= at; policy changes of outcomeDueDays apply as of `at`', async () => {
    const b = new History();
    b.created(0);
    const o = b.objective(0);
    const items = [b.add(0, { objectiveId: o }), b.add(0, { objectiveId: o }), b.add(0, { objectiveId: o })];
    b.deliver(9, items[0]);
    b.deliver(10, items[1]); // at from: inside
    b.deliver(20, items[2]); // at to: outside
    b.policy(25, { outcomeDueDays: 5 });
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    expect((await report(b, { db, from: 10, to: 20, at: 24 })).totals).toMatchObject({ delivered: 1, unknown: 1, overdue: 0 });
    expect((await report(b, { db, from: 10, to: 20, at: 26 })).totals).toMatchObject({ delivered: 1, unknown: 0, overdue: 1 });
    expect((await report(b, { db, from: 10, to: 20, at: 9.5 })).totals.delivered).toBe(0);
    const empty = await calibration(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date(0) });
    expect(empty).toMatchObject({ totals: { delivered: 0, validationRate: null }, byMonth: [], overdue: [] });
    await expect(calibration(h.client, { database: db, backlogIds: ['x'], at: new Date() }, { from: new Date(10), to: new Date(5) })).rejects.toThrow(RangeError);
  });

  it('lists the overdue items longest overdue first, capped with a truncated flag', async () => {
    const b = new History();
    b.created(0);
    const o = b.objective(0);
    const items = [5, 1, 3].map((day) => {
      const id = b.add(0, { objectiveId: o });
      b.deliver(day, id);
      return id;
    });
    const r = await report(b, { listLimit: 2 });
    expect(r.totals.overdue).toBe(3);
    expect(r.truncated).toBe(true);
    expect(r.overdue.map((i) => i.itemId)).toEqual([items[1], items[2]]);
  });

  describe('property: incremental == rebuild, and as of T == only the events up to T', () => {
    type Op = { kind: 'add' | 'start' | 'deliver' | 'move' | 'link' | 'outcome' | 'due'; n: number; dt: number; moved: boolean; actor: number };
    const op: fc.Arbitrary<Op> = fc.record({
      kind: fc.constantFrom('add', 'start', 'deliver', 'deliver', 'move', 'link', 'outcome', 'outcome', 'due'),
      n: fc.nat(30),
      dt: fc.double({ min: 0, max: 12, noNaN: true }),
      moved: fc.boolean(),
      actor: fc.nat(2),
    });
    const actors = [History.owner, piet, pia];

    function build(ops: Op[]): History {
      const b = new History();
      b.created(0, { outcomeDueDays: 20 });
      const objectives = [b.objective(0), b.objective(0)];
      const open: string[] = [];
      const linked = new Map<string, string>();
      const started = new Set<string>();
      const delivered: string[] = [];
      let day = 0;
      for (const o of ops) {
        day += o.dt;
        const pick = <T>(xs: T[]) => xs[o.n % xs.length];
        if (o.kind === 'add' || open.length === 0) {
          const objectiveId = o.n % 4 ? pick(objectives) : undefined;
          const id = b.add(day, { objectiveId, actor: actors[o.actor] });
          open.push(id);
          if (objectiveId) linked.set(id, objectiveId);
        }
        else if (o.kind === 'start') started.add(pick(open)), b.startWork(day, pick(open));
        else if (o.kind === 'move') b.move(day, pick(open), 1 + (o.n % 5), 1 + ((o.n + 1) % 5), { actor: actors[o.actor] });
        else if (o.kind === 'link') {
          const id = pick(open);
          linked.set(id, pick(objectives));
          b.link(day, id, linked.get(id)!);
        }
        else if (o.kind === 'deliver') {
          const id = pick(open);
          open.splice(open.indexOf(id), 1);
          b.deliver(day, id);
          delivered.push(id);
        } else if (o.kind === 'outcome' && delivered.length) {
          // Mostly on the item's own objective (the ones that count), sometimes on another.
          const id = pick(delivered);
          b.outcome(day, id, o.n % 3 ? (linked.get(id) ?? pick(objectives)) : pick(objectives), o.moved);
        }
        else if (o.kind === 'due') b.policy(day, { outcomeDueDays: 5 + o.n });
      }
      return b;
    }

    it('as of T == only the events up to T, and redelivery changes nothing (more histories, without the store)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), async (ops, tFraction) => {
          const b = build(ops);
          const events = b.events;
          const start = b.start.getTime();
          const end = Date.parse(events[events.length - 1].recordedAt) + DAY;
          const T = new Date(Math.round(start + tFraction * (end - start)));
          const [twice, upToT] = [await h.freshDatabase(), await h.freshDatabase()];
          await h.insert(twice, events.slice(0, Math.ceil(events.length / 2)));
          await h.insert(twice, events);
          await h.insert(upToT, events.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
          const period = { from: new Date(start), to: new Date(end) };
          const at = (database: string) => calibration(h.client, { database, backlogIds: [b.backlogId], at: T }, period);
          expect(await at(twice)).toEqual(await at(upToT));
        }),
        { numRuns: 15 },
      );
    }, 400_000);

    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-calibration-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    let run = 0;

    it('holds for random histories', async () => {
      let known = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), async (ops, tFraction) => {
          const b = build(ops);
          const events = b.events;
          const start = b.start.getTime();
          const end = Date.parse(events[events.length - 1].recordedAt) + DAY;
          const T = new Date(Math.round(start + tFraction * (end - start)));
          const period = { from: new Date(start), to: new Date(end) };
          const store = SqliteEventStore.open({ file: join(dir, `events-${++run}.sqlite`), clock: new FixedClock(new Date('2026-06-01T00:00:00.000Z')) });
          try {
            await appendHistory(store, events);
            // The store numbers the events itself (concurrent appends of different streams may commit in another order):
            // redeliveries and the as-of database use the events as stored, positions included.
            const stored = await store.readAll({ after: 0, limit: 10_000 });
            const [incremental, rebuilt, upToT] = [await h.freshDatabase(), await h.freshDatabase(), await h.freshDatabase()];
            await projectAll(h.client, incremental, store, undefined, { batchSize: 16 });
            await h.insert(incremental, stored.slice(Math.floor(stored.length / 3))); // redelivery
            await rebuildProjection({ client: h.client, database: rebuilt, store });
            await h.insert(upToT, stored.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
            const at = (database: string, when: Date) => calibration(h.client, { database, backlogIds: [b.backlogId], at: when }, period);
            const expected = await at(upToT, T);
            expect(await at(incremental, T)).toEqual(expected);
            expect(await at(rebuilt, T)).toEqual(expected);
            const final = await at(incremental, new Date(end));
            expect(await at(rebuilt, new Date(end))).toEqual(final);
            const t = expected.totals;
            expect(t.validated + t.refuted + t.unknown + t.overdue + t.noObjective).toBe(t.delivered);
            expect(expected.byMonth.reduce((a, m) => a + m.delivered, 0)).toBe(t.delivered);
            expect(expected.byDecisionMaker.reduce((a, m) => a + m.delivered, 0)).toBe(t.delivered);
            known += final.totals.validated + final.totals.refuted;
          } finally {
            await store.close();
          }
        }),
        { numRuns: 6 },
      );
      expect(known).toBeGreaterThan(0);
    }, 400_000);
  });
});
