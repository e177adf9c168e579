import fc from 'fast-check';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { influence, type InfluenceReport } from './influence';

/** Golden scenarios for DOMAIN.md "per stakeholder: escalations raised, share overturned" (docs/metrics-reversals.md). */
describe('stakeholder influence', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  async function report(history: History, opts: { from?: number; to?: number; at?: number; db?: string } = {}): Promise<InfluenceReport> {
    const db = opts.db ?? (await h.freshDatabase());
    if (!opts.db) await h.insert(db, history.events);
    return influence(
      h.client,
      { database: db, backlogIds: [history.backlogId], at: new Date(history.at(opts.at ?? 1000)) },
      { from: new Date(history.at(opts.from ?? 0)), to: new Date(history.at(opts.to ?? 1000)) },
    );
  }

  /** One item, one challenged move, one escalation by `by`, resolved (or not) on `resolveDay`. */
  function escalation(b: History, day: number, by: string, outcome: 'upheld' | 'overturned' | 'open', resolveDay = day + 1): void {
    const item = b.add(day);
    const d1 = b.move(day, item, 1, 5);
    const esc = b.escalate(day, item, d1, by);
    if (outcome === 'open') return;
    b.resolve(resolveDay, item, esc, d1, outcome);
    if (outcome === 'overturned') b.move(resolveDay, item, 5, 1, { trigger: 'escalation', escalationId: esc.escalationId });
  }

  it('counts raised / resolved / overturned / upheld / open per stakeholder with the overturned share', async () => {
    const b = new History();
    b.created(0);
    escalation(b, 1, 'sam', 'overturned');
    escalation(b, 2, 'sam', 'overturned');
    escalation(b, 3, 'sam', 'upheld');
    escalation(b, 4, 'sam', 'open');
    escalation(b, 5, 'lee', 'open');
    escalation(b, 6, 'kim', 'upheld');
    const r = await report(b);
    expect(r.stakeholders).toEqual([
      { stakeholderId: 'sam', escalationsRaised: 4, resolved: 3, overturned: 2, upheld: 1, open: 1, overturnedShare: 2 / 3 },
      { stakeholderId: 'kim', escalationsRaised: 1, resolved: 1, overturned: 0, upheld: 1, open: 0, overturnedShare: 0 },
      { stakeholderId: 'lee', escalationsRaised: 1, resolved: 0, overturned: 0, upheld: 0, open: 1, overturnedShare: null },
    ]);
    expect(r.totals).toEqual({ escalationsRaised: 6, resolved: 4, overturned: 2, upheld: 2, open: 2, overturnedShare: 0.5 });
  });

  it('orders by escalations raised, then overturned, then id', async () => {
    const b = new History();
    b.created(0);
    escalation(b, 1, 'amy', 'upheld');
    escalation(b, 2, 'zoe', 'overturned');
    escalation(b, 3, 'bob', 'open');
    escalation(b, 4, 'bob', 'open');
    const r = await report(b);
    expect(r.stakeholders.map((s) => s.stakeholderId)).toEqual(['bob', 'zoe', 'amy']);
  });

  it('takes the escalations raised in [from, to), classified by their resolution as of `at`', async () => {
    const b = new History();
    b.created(0);
    escalation(b, 5, 'before', 'overturned', 12); // raised before `from`: not in the cohort
    escalation(b, 10, 'sam', 'overturned', 25); // raised at `from`, resolved after `to` but before `at`: resolved
    escalation(b, 15, 'sam', 'upheld', 40); // resolved after `at`: open as of `at`
    escalation(b, 20, 'late', 'upheld'); // raised at `to`: outside
    escalation(b, 19, 'kim', 'upheld'); // raised inside, resolved inside
    const r = await report(b, { from: 10, to: 20, at: 30 });
    expect(r.stakeholders).toEqual([
      { stakeholderId: 'sam', escalationsRaised: 2, resolved: 1, overturned: 1, upheld: 0, open: 1, overturnedShare: 1 },
      { stakeholderId: 'kim', escalationsRaised: 1, resolved: 1, overturned: 0, upheld: 1, open: 0, overturnedShare: 0 },
    ]);
    const early = await report(b, { from: 10, to: 20, at: 16 }); // as of day 16: the day-19 escalation does not exist yet
    expect(early.stakeholders).toEqual([
      { stakeholderId: 'sam', escalationsRaised: 2, resolved: 0, overturned: 0, upheld: 0, open: 2, overturnedShare: null },
    ]);
  });

  it('is limited to the backlogs in scope, empty for an empty scope, and rejects from > to', async () => {
    const a = new History();
    const b = new History();
    escalation(a, 1, 'sam', 'overturned');
    escalation(b, 1, 'sam', 'upheld');
    const db = await h.freshDatabase();
    await h.insert(db, [...a.events, ...b.events]);
    expect((await report(a, { db })).stakeholders).toEqual([
      { stakeholderId: 'sam', escalationsRaised: 1, resolved: 1, overturned: 1, upheld: 0, open: 0, overturnedShare: 1 },
    ]);
    const both = await influence(
      h.client,
      { database: db, backlogIds: [a.backlogId, b.backlogId], at: new Date(a.at(100)) },
      { from: new Date(a.at(0)), to: new Date(a.at(100)) },
    );
    expect(both.stakeholders[0]).toMatchObject({ escalationsRaised: 2, overturned: 1, upheld: 1, overturnedShare: 0.5 });
    const none = await influence(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date() });
    expect(none.stakeholders).toEqual([]);
    expect(none.totals.overturnedShare).toBeNull();
    await expect(
      influence(h.client, { database: db, backlogIds: [a.backlogId], at: new Date() }, { from: new Date(10), to: new Date(5) }),
    ).rejects.toThrow(RangeError);
  });

  it('property: as of T == only the events up to T; redelivery changes nothing', async () => {
    const step = fc.record({
      by: fc.constantFrom('sam', 'kim', 'lee'),
      dt: fc.double({ min: 0, max: 5, noNaN: true }),
      outcome: fc.constantFrom('upheld' as const, 'overturned' as const, 'open' as const),
      resolveAfter: fc.double({ min: 0, max: 20, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), async (steps, tFraction) => {
        const b = new History();
        b.created(0);
        let day = 0;
        for (const s of steps) {
          day += s.dt;
          escalation(b, day, s.by, s.outcome, day + s.resolveAfter);
        }
        const time = (e: (typeof b.events)[number]) => Date.parse(e.metadata.occurredAt as string);
        const end = Math.max(...b.events.map(time));
        const T = new Date(Math.round(b.start.getTime() + tFraction * (end - b.start.getTime() + 1)));
        const period = { from: b.start, to: new Date(end + 1) };
        const [all, twice, upToT] = [await h.freshDatabase(), await h.freshDatabase(), await h.freshDatabase()];
        await h.insert(all, b.events);
        await h.insert(twice, b.events);
        await h.insert(twice, b.events);
        await h.insert(upToT, b.events.filter((e) => time(e) <= T.getTime()));
        const run = (database: string, at: Date) => influence(h.client, { database, backlogIds: [b.backlogId], at }, period);
        const expected = await run(upToT, T);
        expect(await run(all, T)).toEqual(expected);
        expect(await run(twice, T)).toEqual(expected);
        expect(await run(twice, new Date(end))).toEqual(await run(all, new Date(end)));
      }),
      { numRuns: 30 },
    );
  }, 300_000); // generous: 30 histories x 3 databases on a loaded CI machine
});
