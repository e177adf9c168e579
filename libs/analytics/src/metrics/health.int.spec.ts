import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { health, monthsOf, sizeInSprintsTrend, type HealthReport } from './health';
import { headline } from '../testing/headline';

/*
 * Golden scenarios for DOMAIN.md "Health", one per clause. History days are UTC days from 2026-01-01:
 * day 30 = Jan 31, day 31 = Feb 1, day 45 = Feb 15, day 59 = Mar 1, day 89 = Mar 31, day 90 = Apr 1.
 * (The as-of / redelivery property and a reference model of these numbers run in zombies.int.spec.ts.)
 */
describe('health (DOMAIN.md "Health")', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  const load = (...histories: History[]): Promise<string> => h.load(...histories);
  const day = (x: History, d: number) => new Date(x.at(d));
  const YEAR = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
  const report = (db: string, x: History, d: number, period = YEAR, backlogIds = [x.backlogId]): Promise<HealthReport> =>
    health(h.client, { database: db, backlogIds, at: day(x, d) }, period);

  describe('size in sprints: sum of estimates of ready items ÷ average velocity of the last 3 sprints', () => {
    it('averages the sprints recorded so far, then only the last 3', async () => {
      const x = new History();
      x.created(0);
      x.add(1, { estimate: 40 });
      x.add(1, { estimate: 20 });
      x.velocity(14, 's1', 10);
      x.velocity(28, 's2', 20);
      x.velocity(42, 's3', 30);
      x.velocity(56, 's4', 5);
      const db = await load(x);
      expect((await report(db, x, 20)).size).toMatchObject({ readyPoints: 60, averageVelocity: 10, sprintsInAverage: 1, sizeInSprints: 6, verdict: 'healthy' });
      expect((await report(db, x, 30)).size).toMatchObject({ averageVelocity: 15, sprintsInAverage: 2, sizeInSprints: 4 });
      expect((await report(db, x, 50)).size).toMatchObject({ averageVelocity: 20, sprintsInAverage: 3, sizeInSprints: 3, verdict: 'healthy' });
      const four = (await report(db, x, 60)).size; // last 3 = 20, 30, 5
      expect(four).toMatchObject({ averageVelocity: 55 / 3, sprintsInAverage: 3, verdict: 'healthy' });
      expect(four.sizeInSprints).toBeCloseTo((60 * 3) / 55, 12);
    });

    it('"last" is by sprint end date, not by when the velocity was recorded', async () => {
      const x = new History();
      x.created(0);
      x.add(1, { estimate: 30 });
      x.velocity(14, 's1', 10);
      x.velocity(28, 's2', 10);
      x.velocity(42, 's3', 10);
      const late = x.velocity(50, 's0', 1000); // recorded last, but a sprint that ended before all others
      (late.data as { endedOn: string }).endedOn = '2026-01-01';
      const db = await load(x);
      expect((await report(db, x, 60)).size).toMatchObject({ averageVelocity: 10, sizeInSprints: 3 });
    });

    it('without a velocity (or with only zero velocity) the size is unknown', async () => {
      const x = new History();
      x.created(0);
      x.add(1, { estimate: 8 });
      x.velocity(20, 's1', 0);
      const db = await load(x);
      expect((await report(db, x, 10)).size).toEqual({
        readyItems: 1,
        readyPoints: 8,
        averageVelocity: null,
        sprintsInAverage: 0,
        sizeInSprints: null,
        band: { min: 3, max: 6 },
        verdict: 'unknown',
      });
      expect((await report(db, x, 30)).size).toMatchObject({ averageVelocity: 0, sizeInSprints: null, verdict: 'unknown' });
    });

    it('is healthy inside the band, edges included (exactly 3 and exactly 6), and uses the band as of T', async () => {
      const x = new History();
      x.created(0);
      x.velocity(5, 's1', 1);
      x.velocity(6, 's2', 2);
      x.velocity(7, 's3', 4); // average 7/3: a float that does not divide evenly
      const a = x.add(10, { estimate: 7 });
      x.estimate(30, a, 14);
      x.estimate(40, a, 14.1);
      x.estimate(50, a, 6.9);
      x.policy(60, { healthySprints: { min: 1, max: 2 } });
      const db = await load(x);
      const days = [20, 30, 40, 50, 60];
      const sizes = await Promise.all(days.map(async (d) => (await report(db, x, d)).size));
      expect(sizes.map((s) => [s.sizeInSprints, s.verdict, s.band])).toEqual([
        [3, 'healthy', { min: 3, max: 6 }],
        [6, 'healthy', { min: 3, max: 6 }],
        [(14.1 * 3) / 7, 'too-large', { min: 3, max: 6 }],
        [(6.9 * 3) / 7, 'too-small', { min: 3, max: 6 }],
        [(6.9 * 3) / 7, 'too-large', { min: 1, max: 2 }],
      ]);
      // the trend gives the same, point by point
      const trend = await sizeInSprintsTrend(h.client, { database: db, backlogIds: [x.backlogId] }, days.map((d) => day(x, d)));
      expect(trend).toEqual(days.map((d, i) => ({ at: x.at(d), sizeInSprints: sizes[i].sizeInSprints, verdict: sizes[i].verdict })));
    });

    it('counts only ready items (open, not started): in-progress, delivered, killed and anti-backlog items are not ready; revived ones are', async () => {
      const x = new History();
      x.created(0);
      x.velocity(1, 's1', 10);
      x.add(2, { estimate: 10 }); // ready
      x.add(2); // ready, no estimate: counts 0 points
      x.startWork(3, x.add(2, { estimate: 100 }));
      x.deliver(4, x.add(2, { estimate: 100 }));
      x.kill(4, x.add(2, { estimate: 100 }));
      x.antiBacklog(4, x.add(2, { estimate: 100 }));
      const revived = x.add(2, { estimate: 100 });
      x.kill(4, revived);
      x.revive(5, revived);
      x.estimate(6, revived, 20); // latest estimate counts
      const db = await load(x);
      expect((await report(db, x, 10)).size).toMatchObject({ readyItems: 3, readyPoints: 30, sizeInSprints: 3 });
    });

    it('a portfolio adds up ready points and the teams’ velocities, within the widest band; unknown if some ready work has no velocity', async () => {
      const a = new History();
      a.created(0);
      a.velocity(1, 's1', 10);
      a.add(2, { estimate: 30 }); // 3 sprints
      const b = new History();
      b.created(0, { healthySprints: { min: 2, max: 8 } });
      b.velocity(1, 's1', 10);
      b.add(2, { estimate: 60 }); // 6 sprints
      const c = new History();
      c.created(0);
      c.add(2, { estimate: 5 }); // no velocity
      const db = await load(a, b, c);
      const ab = await report(db, a, 10, YEAR, [a.backlogId, b.backlogId]);
      expect(ab.size).toMatchObject({ readyPoints: 90, averageVelocity: 20, sizeInSprints: 4.5, band: { min: 2, max: 8 }, verdict: 'healthy' });
      expect(ab.sizeByBacklog.map((s) => [s.backlogId, s.sizeInSprints])).toEqual([[a.backlogId, 3], [b.backlogId, 6]]);
      expect((await report(db, a, 10, YEAR, [a.backlogId, c.backlogId])).size).toMatchObject({ sizeInSprints: null, verdict: 'unknown' });
    });
  });

  describe('shares and anti-backlog', () => {
    it('share of ready items without estimate, share of open items linked to an objective, anti-backlog size', async () => {
      const x = new History();
      x.created(0);
      const objective = x.objective(0);
      x.add(1, { estimate: 3, objectiveId: objective }); // ready, estimated, linked at add
      const later = x.add(1); // ready, unestimated, linked later
      x.link(2, later, objective);
      x.add(1); // ready, unestimated, unlinked
      const started = x.add(1); // open (in progress) but not ready; unlinked
      x.startWork(2, started);
      x.antiBacklog(3, x.add(1));
      x.antiBacklog(3, x.add(1, { objectiveId: objective }));
      x.kill(3, x.add(1, { objectiveId: objective }));
      const db = await load(x);
      const r = await report(db, x, 10);
      expect(r).toMatchObject({
        openItems: 4,
        readyItems: 3,
        readyWithoutEstimate: { count: 2, share: 2 / 3 },
        linkedToObjective: { count: 2, share: 0.5 },
        antiBacklogSize: 2,
      });
      const before = await report(db, x, 1.5); // as of T: the links, starts and anti-backlog moves come later
      expect(before).toMatchObject({ openItems: 7, readyItems: 7, linkedToObjective: { count: 3 }, antiBacklogSize: 0 });
    });

    it('shares are 0 (not NaN) when there is nothing to divide by', async () => {
      const x = new History();
      x.created(0);
      const db = await load(x);
      const r = await report(db, x, 10);
      expect(r).toMatchObject({
        openItems: 0,
        readyWithoutEstimate: { count: 0, share: 0 },
        linkedToObjective: { count: 0, share: 0 },
        antiBacklogSize: 0,
        openItemAgeDays: { p50: null, p75: null, p90: null },
        size: { verdict: 'unknown' },
      });
    });
  });

  describe('age percentiles of open items', () => {
    it('gives exact p50 / p75 / p90 of the open items’ ages in whole days (the element at ⌊q·n⌋, no interpolation)', async () => {
      const x = new History();
      x.created(0);
      for (let age = 1; age <= 10; age++) x.add(100 - age - 0.25); // ages 1..10 at day 100 (whole days, rounded down)
      x.kill(60, x.add(1)); // closed items do not count
      x.deliver(60, x.add(1));
      x.startWork(99, x.add(99.5)); // in progress counts as open: age 0
      const db = await load(x);
      // ages 0..10 (n = 11): q·n = 5.5, 8.25, 9.9 → elements 5, 8, 9
      expect((await report(db, x, 100)).openItemAgeDays).toEqual({ p50: 5, p75: 8, p90: 9 });
    });
  });

  describe('per period: kills, delivered vs outcomes moved, per month', () => {
    it('counts kills in [from, to) per calendar month, every month listed, nothing after T', async () => {
      const x = new History();
      x.created(0);
      const items = Array.from({ length: 7 }, () => x.add(0));
      x.kill(30, items[0]); // Jan 31: before the period
      x.kill(31, items[1]); // Feb 1 00:00: from is inclusive
      x.kill(45, items[2]);
      x.kill(45.5, items[3]);
      x.kill(89.999, items[4]); // Mar 31 23:58
      x.kill(90, items[5]); // Apr 1 00:00: to is exclusive
      x.kill(120, items[6]);
      const db = await load(x);
      const period = { from: day(x, 31), to: day(x, 90) };
      const r = await report(db, x, 200, period);
      expect(r.kills).toEqual({ count: 4, byMonth: [{ month: '2026-02', count: 3 }, { month: '2026-03', count: 1 }] });
      expect(r.period).toEqual({ from: x.at(31), to: x.at(90) });
      const asOfMarch = await report(db, x, 70, period); // the Mar 31 kill has not happened yet
      expect(asOfMarch.kills).toEqual({ count: 3, byMonth: [{ month: '2026-02', count: 3 }, { month: '2026-03', count: 0 }] });
    });

    it('sets delivered items against outcomes recorded as moved / not moved, by the month each was recorded', async () => {
      const x = new History();
      x.created(0);
      const objective = x.objective(0);
      const items = Array.from({ length: 5 }, () => x.add(0));
      x.deliver(35, items[0]);
      x.deliver(40, items[1]);
      x.deliver(50, items[2]);
      x.deliver(70, items[3]);
      x.outcome(65, items[0], objective, true);
      x.outcome(66, items[1], objective, false);
      x.outcome(80, items[2], objective, true);
      x.outcome(100, items[3], objective, true); // April
      x.deliver(125, items[4]); // May: outside the period
      const db = await load(x);
      const r = await report(db, x, 200, { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') });
      expect(r.deliveredVsOutcomes).toEqual([
        { month: '2026-01', delivered: 0, reopened: 0, outcomesMoved: 0, outcomesNotMoved: 0 },
        { month: '2026-02', delivered: 3, reopened: 0, outcomesMoved: 0, outcomesNotMoved: 0 },
        { month: '2026-03', delivered: 1, reopened: 0, outcomesMoved: 2, outcomesNotMoved: 1 },
        { month: '2026-04', delivered: 0, reopened: 0, outcomesMoved: 1, outcomesNotMoved: 0 },
      ]);
    });

    it('lists every calendar month overlapping [from, to)', () => {
      const d = (s: string) => new Date(s);
      expect(monthsOf(d('2026-01-31T23:00:00Z'), d('2026-03-01T00:00:00Z'))).toEqual(['2026-01', '2026-02']);
      expect(monthsOf(d('2026-11-15T00:00:00Z'), d('2027-02-01T00:00:01Z'))).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
      expect(monthsOf(d('2026-03-01T00:00:00Z'), d('2026-03-01T00:00:00Z'))).toEqual([]);
    });
  });

  describe('as of T', () => {
    it('equals the report computed from only the events up to T', async () => {
      const x = new History();
      x.created(0);
      x.velocity(10, 's1', 10);
      const a = x.add(1, { estimate: 30 });
      x.kill(20, x.add(1));
      x.startWork(40, a);
      x.velocity(41, 's2', 50);
      x.deliver(50, a);
      const db = await load(x);
      const only = await h.freshDatabase();
      await h.insert(only, x.events.filter((e) => e.metadata.occurredAt! <= x.at(30)));
      const r = await report(db, x, 30);
      expect(r).toMatchObject({ size: { sizeInSprints: 3, verdict: 'healthy' }, readyItems: 1, kills: { count: 1 } });
      expect(await report(only, x, 30)).toEqual(r);
    });
  });

  describe('portfolio headline', () => {
    it('gives per backlog, in the scope’s order: open items, zombies, size in sprints and verdict', async () => {
      const a = new History();
      a.created(0);
      a.velocity(1, 's1', 10);
      a.add(0, { estimate: 100 });
      a.estimate(80, a.add(0, { estimate: 5 }), 5.5);
      const b = new History();
      b.created(0, { zombieAfterDays: 10, staleAfterDays: 10 });
      b.add(0);
      b.add(95);
      const db = await load(a, b);
      const rows = await headline(h.client, { database: db, backlogIds: [b.backlogId, a.backlogId, 'nothing-here'], at: day(a, 100) });
      expect(rows).toEqual([
        { backlogId: b.backlogId, openItems: 2, zombies: 1, sizeInSprints: null, verdict: 'unknown' },
        { backlogId: a.backlogId, openItems: 2, zombies: 1, sizeInSprints: 10.55, verdict: 'too-large' },
        { backlogId: 'nothing-here', openItems: 0, zombies: 0, sizeInSprints: null, verdict: 'unknown' },
      ]);
    });
  });
});
