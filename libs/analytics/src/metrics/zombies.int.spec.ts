import fc from 'fast-check';
import type { RecordedEvent } from '@ledger/kernel';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { health, sizeInSprintsTrend, type HealthReport } from './health';
import { zombies, zombieTrend, type ZombieReport } from './zombies';
import { headline } from '../testing/headline';

/*
 * Golden scenarios for DOMAIN.md "Progress event" and "Zombie", one per clause, with the edges of issue 3.
 * Default policy unless stated: zombieAfterDays = 90, staleAfterDays = 60. History days are UTC days from
 * 2026-01-01.
 */
describe('zombies (DOMAIN.md "Zombie")', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  const load = (...histories: History[]): Promise<string> => h.load(...histories);
  const at = (x: History, day: number) => new Date(x.at(day));
  const report = (db: string, x: History, day: number | Date, backlogIds = [x.backlogId]): Promise<ZombieReport> =>
    zombies(h.client, { database: db, backlogIds, at: day instanceof Date ? day : at(x, day) });
  const zombieIds = (r: ZombieReport) => r.zombies.map((z) => z.itemId);
  const MS = 1;

  describe('age: at least zombieAfterDays old', () => {
    it('is a zombie exactly at zombieAfterDays, not one day (nor one millisecond) before', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      const db = await load(x);
      const exactly = await report(db, x, 90);
      expect(zombieIds(exactly)).toEqual([a]);
      expect(exactly.zombies[0]).toMatchObject({ ageDays: 90, daysSinceProgress: 90, status: 'open' });
      expect((await report(db, x, 89)).count).toBe(0);
      expect((await report(db, x, new Date(at(x, 90).getTime() - MS))).count).toBe(0);
    });
  });

  describe('staleness: no progress event in the last staleAfterDays', () => {
    it('is a zombie exactly staleAfterDays after the last progress, not one day (nor one millisecond) before', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.estimate(40, a, 3);
      const db = await load(x);
      const exactly = await report(db, x, 100);
      expect(zombieIds(exactly)).toEqual([a]);
      expect(exactly.zombies[0]).toMatchObject({ ageDays: 100, daysSinceProgress: 60, lastProgressAt: x.at(40), estimate: 3 });
      expect((await report(db, x, 99)).count).toBe(0);
      expect((await report(db, x, new Date(at(x, 100).getTime() - MS))).count).toBe(0);
    });

    it('counts from the add when there was never any progress', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(5);
      const db = await load(x);
      const r = await report(db, x, 120);
      expect(r.zombies[0]).toMatchObject({ itemId: a, ageDays: 115, daysSinceProgress: 115, lastProgressAt: x.at(5) });
    });

    it('a reprioritization is not progress: shuffled items stay zombies (and count as deferred when moved down)', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0, { position: 1 });
      x.add(0, { position: 2 });
      x.add(0, { position: 3 });
      x.estimate(30, a, 5);
      x.move(80, a, 1, 3, { trigger: 'review' }); // down
      x.move(85, a, 3, 2, { trigger: 'stakeholder-request' }); // up
      x.move(95, a, 2, 3); // down
      const db = await load(x);
      const r = await report(db, x, 100);
      const z = r.zombies.find((e) => e.itemId === a)!;
      expect(z).toMatchObject({ daysSinceProgress: 70, reasons: { timesDeferred: 2 } });
    });

    const progress: Array<[string, (x: History, day: number, item: string) => void]> = [
      ['started', (x, d, i) => x.startWork(d, i)],
      ['estimated', (x, d, i) => x.estimate(d, i, 8)],
      ['linked to objective', (x, d, i) => x.link(d, i, 'objective-1')],
      ['kill criteria set', (x, d, i) => x.killCriteria(d, i, '2026-12-31')],
    ];
    it.each(progress)('"%s" is progress: it resets the clock', async (_name, act) => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      act(x, 50, a);
      const db = await load(x);
      expect((await report(db, x, 100)).count).toBe(0); // 50 days since progress
      expect((await report(db, x, 109)).count).toBe(0);
      const r = await report(db, x, 110); // exactly 60
      expect(r.zombies.map((z) => [z.itemId, z.daysSinceProgress, z.lastProgressAt])).toEqual([[a, 60, x.at(50)]]);
      // without that event it would have been a zombie since day 90
      const y = new History();
      y.created(0);
      y.add(0);
      expect((await report(await load(y), y, 100)).count).toBe(1);
    });
  });

  describe('open: added and not delivered, killed or in the anti-backlog', () => {
    it('killed, delivered and anti-backlog items are neither zombies nor open, from the moment they leave', async () => {
      const x = new History();
      x.created(0);
      const objective = x.objective(0);
      const killed = x.add(0);
      const delivered = x.add(0);
      const anti = x.add(0);
      const open = x.add(0);
      x.kill(100, killed);
      x.startWork(10, delivered);
      x.deliver(100, delivered);
      x.outcome(130, delivered, objective, true);
      x.antiBacklog(100, anti);
      const db = await load(x);
      const before = await report(db, x, 99);
      expect(new Set(zombieIds(before))).toEqual(new Set([killed, delivered, anti, open]));
      expect(before.openItems).toBe(4);
      const after = await report(db, x, 200);
      expect(zombieIds(after)).toEqual([open]);
      expect(after.openItems).toBe(1);
    });

    it('a revived item is open again; its age counts from the original add and revival is not progress', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.startWork(5, a);
      x.kill(10, a);
      x.revive(95, a);
      const b = x.add(0);
      x.kill(10, b);
      x.revive(95, b);
      x.estimate(96, b, 2);
      const db = await load(x);
      const whileKilled = await report(db, x, 94);
      expect(whileKilled).toMatchObject({ count: 0, openItems: 0 });
      const r = await report(db, x, 100);
      expect(zombieIds(r)).toEqual([a]); // b progressed after its revival
      expect(r.openItems).toBe(2);
      expect(r.zombies[0]).toMatchObject({
        status: 'open', // a revived item is open, not in progress, even if it had been started before the kill
        ageDays: 100,
        daysSinceProgress: 95, // since the start on day 5
        reasons: { inProgressTooLong: false },
      });
    });
  });

  describe('imported tracker history (ADR 0025)', () => {
    it('a reopened delivery is open again: a zombie once stale, aged from its add, its delivery the last progress', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.startWork(5, a);
      x.deliver(10, a);
      x.reopen(20, a);
      const db = await load(x);
      expect(await report(db, x, 19)).toMatchObject({ count: 0, openItems: 0 });
      expect((await report(db, x, 69)).count).toBe(0); // 59 days since the delivery
      const r = await report(db, x, 90);
      expect(zombieIds(r)).toEqual([a]);
      expect(r.zombies[0]).toMatchObject({ status: 'open', ageDays: 90, daysSinceProgress: 80, lastProgressAt: x.at(10) });
    });

    it('counts direction-only and priority moves down, and deferrals, as deferred; moves up do not count', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.moveOff(10, a, { scale: 'schedule', direction: 'down', from: 'Sprint 3', to: 'Sprint 4' });
      x.moveOff(11, a, { scale: 'rank', direction: 'down', to: 'Ranked lower' });
      x.moveOff(12, a, { scale: 'priority', direction: 'down', fromLevel: 2, toLevel: 4 });
      x.moveOff(13, a, { scale: 'rank', direction: 'up', to: 'Ranked higher' });
      x.moveOff(14, a, { scale: 'priority', direction: 'up', fromLevel: 4, toLevel: 3 });
      const db = await load(x);
      const r = await report(db, x, 100);
      expect(r.zombies[0].reasons.timesDeferred).toBe(3);
      expect(r.zombies[0].daysSinceProgress).toBe(100); // moves are not progress
    });
  });

  describe('policy', () => {
    it('uses the policy as of T: a change takes effect from its time on, not before', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.policy(50, { zombieAfterDays: 30, staleAfterDays: 20 });
      x.policy(200, { zombieAfterDays: 300, staleAfterDays: 200 });
      const db = await load(x);
      expect((await report(db, x, 49)).count).toBe(0); // defaults: 49 < 90
      expect(zombieIds(await report(db, x, 50))).toEqual([a]); // 50 ≥ 30 and 50 ≥ 20
      expect(zombieIds(await report(db, x, 199))).toEqual([a]);
      expect((await report(db, x, 200)).count).toBe(0); // 200 < 300
    });

    it('each backlog of a portfolio scope is judged by its own policy; backlogs out of scope are ignored', async () => {
      const strict = new History();
      strict.created(0, { zombieAfterDays: 10, staleAfterDays: 10 });
      const s = strict.add(0);
      const lax = new History();
      lax.created(0);
      lax.add(0);
      const other = new History();
      other.created(0, { zombieAfterDays: 1, staleAfterDays: 1 });
      other.add(0);
      const db = await load(strict, lax, other);
      const r = await report(db, strict, 20, [strict.backlogId, lax.backlogId]);
      expect(zombieIds(r)).toEqual([s]);
      expect(r.zombies[0].backlogId).toBe(strict.backlogId);
      expect(r.openItems).toBe(2);
    });
  });

  describe('reasons, score and order', () => {
    it('lists each zombie with its reasons, scores them, and orders by score desc then age desc', async () => {
      const x = new History();
      x.created(-100);
      const objective = x.objective(-100);
      // at day 120, staleAfterDays = 60:
      const plain = x.add(0, { objectiveId: objective, title: 'plain', kind: 'story', estimate: 1 }); // 120/60 = 2
      const noObjective = x.add(0, { title: 'no objective' }); // 2 + 1 = 3
      const killCriteria = x.add(0, { objectiveId: objective, title: 'review passed' });
      x.killCriteria(30, killCriteria, '2026-02-15'); // 90/60 + 1 = 2.5
      const escalated = x.add(0, { objectiveId: objective, title: 'escalated' });
      const against = x.move(1, escalated, 4, 5);
      for (const d of [2, 3, 4]) x.escalate(d, escalated, against, 'sam'); // 2 + 0.5 (deferred) + 1.5 = 4
      const deferred = x.add(-10, { objectiveId: objective, title: 'deferred' });
      x.move(20, deferred, 1, 3);
      x.move(30, deferred, 3, 2);
      x.move(40, deferred, 2, 6); // 130/60 → 2.17 + 2 × 0.5 = 3.17
      const started = x.add(-30, { objectiveId: objective, title: 'stuck in progress' });
      x.startWork(60, started); // 60/60 + 1 = 2, older than plain
      const db = await load(x);
      const r = await report(db, x, 120);
      expect(r.zombies.map((z) => [z.title, z.score])).toEqual([
        ['escalated', 4],
        ['deferred', 3.17],
        ['no objective', 3],
        ['review passed', 2.5],
        ['stuck in progress', 2],
        ['plain', 2],
      ]);
      const byId = new Map(r.zombies.map((z) => [z.itemId, z]));
      expect(byId.get(plain)).toEqual({
        itemId: plain,
        backlogId: x.backlogId,
        title: 'plain',
        kind: 'story',
        status: 'open',
        ageDays: 120,
        daysSinceProgress: 120,
        lastProgressAt: x.at(0),
        estimate: 1,
        reasons: { timesDeferred: 0, noObjective: false, killCriteriaReviewPassed: false, inProgressTooLong: false, escalations: 0 },
        score: 2,
      });
      expect(byId.get(noObjective)!.reasons.noObjective).toBe(true);
      expect(byId.get(killCriteria)!.reasons.killCriteriaReviewPassed).toBe(true);
      expect(byId.get(escalated)!.reasons).toMatchObject({ escalations: 3, timesDeferred: 1 });
      expect(byId.get(deferred)!.reasons.timesDeferred).toBe(2);
      expect(byId.get(started)).toMatchObject({ status: 'in-progress', ageDays: 150, reasons: { inProgressTooLong: true } });
    });

    it('kill-criteria review passes only once T’s date is after the review-by date', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.killCriteria(10, a, '2026-04-10'); // day 99
      const db = await load(x);
      expect((await report(db, x, 99.5)).zombies[0].reasons.killCriteriaReviewPassed).toBe(false); // same date
      expect((await report(db, x, 100)).zombies[0].reasons.killCriteriaReviewPassed).toBe(true);
    });

    it('a linked objective (at add time or later) clears "no objective"', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.link(10, a, 'objective-1');
      const db = await load(x);
      expect((await report(db, x, 100)).zombies[0].reasons.noObjective).toBe(false);
    });
  });

  describe('shares', () => {
    it('reports count, share of open items and share of estimated points (latest estimates; unestimated count 0)', async () => {
      const x = new History();
      x.created(0);
      const z1 = x.add(0, { estimate: 1 });
      x.estimate(20, z1, 5); // latest estimate 5
      x.add(0, { estimate: 3 });
      x.add(0); // zombie without estimate
      const fresh = x.add(60, { estimate: 8 }); // too young
      x.estimate(70, fresh, 8.5);
      x.kill(10, x.add(0, { estimate: 100 })); // not open: in neither total
      const db = await load(x);
      const r = await report(db, x, 100);
      expect(r).toMatchObject({
        count: 3,
        openItems: 4,
        shareOfOpen: 0.75,
        estimatedPointsOfZombies: 8,
        estimatedPointsOpen: 16.5,
        shareOfPoints: 8 / 16.5,
      });
    });

    it('is all zeros for an empty backlog, an empty scope, or before anything happened', async () => {
      const x = new History();
      x.created(10);
      x.add(20);
      const db = await load(x);
      const zero = { count: 0, openItems: 0, shareOfOpen: 0, estimatedPointsOfZombies: 0, estimatedPointsOpen: 0, shareOfPoints: 0, zombies: [] };
      expect(await report(db, x, 5)).toMatchObject(zero);
      expect(await report(db, x, 500, [])).toMatchObject(zero);
      expect(await report(db, x, 500, ['no-such-backlog'])).toMatchObject(zero);
    });
  });

  describe('as of T', () => {
    it('ignores everything that happened after T', async () => {
      const x = new History();
      x.created(0);
      const a = x.add(0);
      x.move(95, a, 1, 2);
      x.estimate(150, a, 13);
      x.link(150, a, 'objective-1');
      x.kill(160, a);
      const db = await load(x);
      const past = await report(db, x, 100);
      expect(past.at).toBe(x.at(100));
      expect(past.zombies).toEqual([
        expect.objectContaining({ itemId: a, estimate: null, ageDays: 100, reasons: expect.objectContaining({ noObjective: true, timesDeferred: 1 }) }),
      ]);
      const only = await h.freshDatabase();
      await h.insert(only, x.events.filter((e) => e.metadata.occurredAt! <= x.at(100)));
      expect(await report(only, x, 100)).toEqual(past);
      expect((await report(db, x, 200)).count).toBe(0);
    });

    it('the trend gives, for each point, exactly the count of zombies(at = point)', async () => {
      const x = new History();
      x.created(0, { zombieAfterDays: 60, staleAfterDays: 30 });
      const items = Array.from({ length: 6 }, (_, i) => x.add(i * 7));
      x.estimate(40, items[0], 3);
      x.startWork(70, items[1]);
      x.kill(80, items[2]);
      x.revive(120, items[2]);
      x.antiBacklog(90, items[3]);
      x.policy(100, { zombieAfterDays: 45, staleAfterDays: 20 });
      x.deliver(130, items[1]);
      x.move(140, items[4], 5, 1);
      const db = await load(x);
      const points = Array.from({ length: 30 }, (_, i) => at(x, i * 7 + 6.5));
      const trend = await zombieTrend(h.client, { database: db, backlogIds: [x.backlogId] }, points);
      const single = await Promise.all(points.map((p) => report(db, x, p)));
      expect(trend).toEqual(single.map((r) => ({ at: r.at, count: r.count })));
      expect(new Set(trend.map((t) => t.count)).size).toBeGreaterThan(2); // the trend actually moves
      expect(await zombieTrend(h.client, { database: db, backlogIds: [x.backlogId] }, [])).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  // Property: as-of == computed from only the events up to T; redelivery changes nothing.

  /** One random step: a target (an item 0..3, or 4 = the backlog), a number picking the action, a day step. */
  interface Step {
    target: number;
    pick: number;
    step: number;
  }
  // Steps in days; halves make events coincide with T and with threshold edges.
  const stepArb = fc.noBias(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 60 }).map((n) => n / 2)));
  const stepsArb = fc.array(
    fc.record({ target: fc.noBias(fc.integer({ min: 0, max: 4 })), pick: fc.noBias(fc.nat(9_999)), step: stepArb }),
    { minLength: 15, maxLength: 45, size: 'max' },
  );

  type Status = 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti';
  /** Valid actions per item status (as the deciders allow them); `pick` chooses one, so no step is wasted. */
  const ACTIONS: Record<Status, string[]> = {
    open: ['move', 'move', 'escalate', 'kill', 'anti', 'start', 'deliver', 'criteria', 'link', 'estimate', 'estimate'],
    'in-progress': ['move', 'escalate', 'kill', 'deliver', 'criteria', 'link', 'estimate'],
    delivered: ['outcome', 'outcome', 'escalate'],
    killed: ['revive', 'revive', 'revive', 'escalate'],
    anti: ['escalate', 'none'],
  };

  /** Builds a valid history from random steps. */
  function build(steps: Step[], initial: { zombieAfterDays: number; staleAfterDays: number }): History {
    const x = new History();
    x.created(0, initial);
    const objective = x.objective(0);
    const ids = ['a', 'b', 'c', 'd'].map((s) => `${s}-${x.backlogId}`);
    const status = new Map<number, Status>();
    const pos = new Map<number, number>();
    const last = new Map<number, string>();
    let day = 0;
    let sprint = 0;
    for (const { target, pick, step } of steps) {
      day += step;
      if (target === 4) {
        if (pick % 3 === 0) {
          const p = pick % 2 === 0 ? 1 : 2;
          x.policy(day, { zombieAfterDays: 5 + (pick % 116), staleAfterDays: 3 + (pick % 78), healthySprints: { min: p, max: p + (pick % 6) } });
        } else x.velocity(day, `s${++sprint}`, pick % 31);
        continue;
      }
      const id = ids[target];
      const s = status.get(target);
      if (!s) {
        x.add(day, { itemId: id, estimate: pick % 3 === 0 ? undefined : 1 + (pick % 13), objectiveId: pick % 2 ? objective : undefined, position: target + 1 });
        status.set(target, 'open');
        pos.set(target, target + 1);
        continue;
      }
      const actions = ACTIONS[s];
      const action = actions[pick % actions.length];
      const arg = Math.floor(pick / actions.length);
      switch (action) {
        case 'move': {
          const from = pos.get(target)!;
          const to = arg % 2 === 0 ? from + 1 + (arg % 3) : Math.max(1, from - 1 - (arg % 3));
          if (to === from) break;
          last.set(target, x.move(day, id, from, to));
          pos.set(target, to);
          break;
        }
        case 'escalate':
          if (last.has(target)) x.escalate(day, id, last.get(target)!, 'sam');
          break;
        case 'kill':
          x.kill(day, id);
          status.set(target, 'killed');
          break;
        case 'revive':
          x.revive(day, id);
          status.set(target, 'open');
          pos.set(target, 1);
          break;
        case 'anti':
          x.antiBacklog(day, id);
          status.set(target, 'anti');
          break;
        case 'start':
          x.startWork(day, id);
          status.set(target, 'in-progress');
          break;
        case 'deliver':
          x.deliver(day, id);
          status.set(target, 'delivered');
          break;
        case 'criteria':
          x.killCriteria(day, id, x.at(day + (arg % 60)).slice(0, 10));
          break;
        case 'link':
          x.link(day, id, objective);
          break;
        case 'estimate':
          x.estimate(day, id, 1 + (arg % 21));
          break;
        case 'outcome':
          x.outcome(day, id, objective, arg % 2 === 0);
          break;
      }
    }
    return x;
  }

  const upTo = (events: RecordedEvent[], t: Date) => events.filter((e) => new Date(e.metadata.occurredAt!).getTime() <= t.getTime());

  // A reference model of DOMAIN.md's definitions in plain TypeScript, replaying the events up to T in order.
  const DAY = 86_400_000;
  const timeOf = (e: RecordedEvent) => new Date(e.metadata.occurredAt!).getTime();
  function oracle(events: RecordedEvent[], t: Date, period: { from: Date; to: Date }) {
    const T = t.getTime();
    const evs = events.filter((e) => timeOf(e) <= T).sort((a, b) => a.position - b.position);
    let policy = { zombieAfterDays: 90, staleAfterDays: 60, min: 3, max: 6 };
    const velocities: Array<{ endedOn: string; position: number; points: number }> = [];
    type It = {
      id: string; title: string; kind: string; added: number; status: string; progress: number; estimate: number | null;
      objective: string; reviewBy: string | null; started: number; deferred: number; escalations: number;
    };
    const items = new Map<string, It>();
    const months = new Map<string, { kills: number; delivered: number; moved: number; notMoved: number }>();
    for (const e of evs) {
      const d = e.data as Record<string, any>;
      if (e.type === 'backlog.created' || e.type === 'backlog.policy-changed') {
        policy = { zombieAfterDays: d.policy.zombieAfterDays, staleAfterDays: d.policy.staleAfterDays, min: d.policy.healthySprints.min, max: d.policy.healthySprints.max };
      }
      if (e.type === 'backlog.sprint-velocity-recorded') velocities.push({ endedOn: d.endedOn, position: e.position, points: d.points });
      const time = timeOf(e);
      if (time >= period.from.getTime() && time < period.to.getTime()) {
        const month = new Date(time).toISOString().slice(0, 7);
        const m = months.get(month) ?? { kills: 0, delivered: 0, moved: 0, notMoved: 0 };
        if (e.type === 'item.killed') m.kills++;
        if (e.type === 'item.delivered') m.delivered++;
        if (e.type === 'item.outcome-recorded') d.moved ? m.moved++ : m.notMoved++;
        months.set(month, m);
      }
      if (!e.type.startsWith('item.')) continue;
      if (e.type === 'item.added') {
        items.set(d.itemId, {
          id: d.itemId, title: d.title, kind: d.kind, added: time, status: 'open', progress: time, estimate: d.estimate,
          objective: d.objectiveId ?? '', reviewBy: null, started: 0, deferred: 0, escalations: 0,
        });
        continue;
      }
      const it = items.get(d.itemId)!;
      if (['item.started', 'item.delivered', 'item.outcome-recorded', 'item.estimated', 'item.linked-to-objective', 'item.kill-criteria-set'].includes(e.type)) {
        it.progress = Math.max(it.progress, time);
      }
      if (e.type === 'item.started') [it.status, it.started] = ['in-progress', time];
      if (e.type === 'item.revived') it.status = 'open';
      if (e.type === 'item.delivered') it.status = 'delivered';
      if (e.type === 'item.killed') it.status = 'killed';
      if (e.type === 'item.moved-to-anti-backlog') it.status = 'anti';
      if (e.type === 'item.estimated') it.estimate = d.estimate;
      if (e.type === 'item.linked-to-objective') it.objective = d.objectiveId;
      if (e.type === 'item.kill-criteria-set') it.reviewBy = d.reviewBy;
      if (e.type === 'item.reprioritized' && d.toPosition > d.fromPosition) it.deferred++;
      if (e.type === 'item.escalated') it.escalations++;
    }
    const days = (from: number) => Math.floor((T - from) / DAY);
    const open = [...items.values()].filter((i) => i.status === 'open' || i.status === 'in-progress');
    const sad = policy.staleAfterDays;
    const zombieList = open
      .filter((i) => days(i.added) >= policy.zombieAfterDays && days(i.progress) >= sad)
      .map((i) => {
        const reasons = {
          timesDeferred: i.deferred,
          noObjective: i.objective === '',
          killCriteriaReviewPassed: i.reviewBy !== null && i.reviewBy < t.toISOString().slice(0, 10),
          inProgressTooLong: i.status === 'in-progress' && days(i.started) >= sad,
          escalations: i.escalations,
        };
        const score = days(i.progress) / sad + 0.5 * reasons.timesDeferred + +reasons.noObjective + +reasons.killCriteriaReviewPassed + +reasons.inProgressTooLong + 0.5 * reasons.escalations;
        return {
          itemId: i.id, title: i.title, kind: i.kind, status: i.status, ageDays: days(i.added), daysSinceProgress: days(i.progress),
          lastProgressAt: new Date(i.progress).toISOString(), estimate: i.estimate, reasons, score,
        };
      })
      .sort((a, b) => b.score - a.score || b.ageDays - a.ageDays || (a.itemId < b.itemId ? -1 : 1));
    const ready = open.filter((i) => i.status === 'open');
    const last3 = velocities.sort((a, b) => (a.endedOn === b.endedOn ? b.position - a.position : a.endedOn < b.endedOn ? 1 : -1)).slice(0, 3);
    const velocitySum = last3.reduce((a, v) => a + v.points, 0);
    const readyPoints = ready.reduce((a, i) => a + (i.estimate ?? 0), 0);
    const size = last3.length && velocitySum > 0 ? (readyPoints * last3.length) / velocitySum : null;
    const ages = open.map((i) => days(i.added)).sort((a, b) => a - b);
    const q = (level: number) => (ages.length ? ages[Math.min(ages.length - 1, Math.floor(level * ages.length))] : null);
    return {
      zombies: zombieList,
      openItems: open.length,
      pointsOpen: open.reduce((a, i) => a + (i.estimate ?? 0), 0),
      pointsZombies: zombieList.reduce((a, z) => a + (z.estimate ?? 0), 0),
      size: { readyItems: ready.length, readyPoints, sprintsInAverage: last3.length, sizeInSprints: size,
        verdict: size === null ? 'unknown' : size < policy.min ? 'too-small' : size > policy.max ? 'too-large' : 'healthy', band: { min: policy.min, max: policy.max } },
      readyWithoutEstimate: ready.filter((i) => i.estimate === null).length,
      linked: open.filter((i) => i.objective !== '').length,
      anti: [...items.values()].filter((i) => i.status === 'anti').length,
      ages: { p50: q(0.5), p75: q(0.75), p90: q(0.9) },
      months,
    };
  }

  /** The metrics equal the reference model (scores within rounding). */
  function expectMatchesOracle(r: ZombieReport, hr: HealthReport, o: ReturnType<typeof oracle>) {
    expect(r.zombies.map(({ score: _s, backlogId: _b, ...z }) => z)).toEqual(o.zombies.map(({ score: _s, ...z }) => z));
    r.zombies.forEach((z, i) => expect(Math.abs(z.score - o.zombies[i].score)).toBeLessThanOrEqual(0.005 + 1e-9));
    expect([r.count, r.openItems, r.estimatedPointsOpen, r.estimatedPointsOfZombies]).toEqual([o.zombies.length, o.openItems, o.pointsOpen, o.pointsZombies]);
    expect(hr.size).toMatchObject(o.size);
    expect([hr.openItems, hr.readyItems, hr.readyWithoutEstimate.count, hr.linkedToObjective.count, hr.antiBacklogSize]).toEqual([
      o.openItems, o.size.readyItems, o.readyWithoutEstimate, o.linked, o.anti,
    ]);
    expect(hr.openItemAgeDays).toEqual(o.ages);
    for (const m of hr.deliveredVsOutcomes) {
      const e = o.months.get(m.month) ?? { kills: 0, delivered: 0, moved: 0, notMoved: 0 };
      expect([m.delivered, m.outcomesMoved, m.outcomesNotMoved]).toEqual([e.delivered, e.moved, e.notMoved]);
      expect(hr.kills.byMonth.find((k) => k.month === m.month)!.count).toBe(e.kills);
    }
  }

  it('property: metrics == a reference model; as of T == from only the events up to T; redelivery changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        stepsArb,
        fc.record({ zombieAfterDays: fc.integer({ min: 5, max: 60 }), staleAfterDays: fc.integer({ min: 3, max: 40 }) }),
        fc.noBias(fc.integer({ min: 0, max: 1000 })).map((n) => n / 1000),
        fc.boolean(),
        async (steps, initial, where, onAnEvent) => {
          const x = build(steps, initial);
          const times = x.events.map((e) => new Date(e.metadata.occurredAt!).getTime());
          const end = Math.max(...times);
          const t = new Date(
            onAnEvent ? times[Math.floor(where * (times.length - 1))] : x.start.getTime() + Math.round(where * (end - x.start.getTime() + 150 * 86_400_000)),
          );
          const all = await h.freshDatabase();
          await h.insert(all, x.events);
          const only = await h.freshDatabase();
          await h.insert(only, upTo(x.events, t));
          const twice = await h.freshDatabase();
          await h.insert(twice, x.events);
          await h.insert(twice, x.events.slice().reverse());
          const scope = (database: string) => ({ database, backlogIds: [x.backlogId], at: t });
          const period = { from: x.start, to: new Date(t.getTime() + 40 * 86_400_000) };

          const expected = await zombies(h.client, scope(all));
          expect(await zombies(h.client, scope(only))).toEqual(expected);
          expect(await zombies(h.client, scope(twice))).toEqual(expected);

          const expectedHealth = await health(h.client, scope(all), period);
          expectMatchesOracle(expected, expectedHealth, oracle(x.events, t, period));
          expect(await health(h.client, scope(only), period)).toEqual(expectedHealth);
          expect(await health(h.client, scope(twice), period)).toEqual(expectedHealth);

          // The per-point implementations (trend, headline) agree with the single-instant reports.
          const span = Math.max(t.getTime(), end) - x.start.getTime();
          const points = [t, ...[0, 0.2, 0.4, 0.6, 0.8].map((f) => new Date(x.start.getTime() + Math.round(f * span))), new Date(t.getTime() - 7 * 86_400_000)];
          const singles = await Promise.all(points.map((p) => zombies(h.client, { ...scope(twice), at: p })));
          expect(await zombieTrend(h.client, scope(all), points)).toEqual(singles.map((r) => ({ at: r.at, count: r.count })));
          expect((await sizeInSprintsTrend(h.client, scope(twice), [t]))[0]).toEqual({
            at: t.toISOString(),
            sizeInSprints: expectedHealth.size.sizeInSprints,
            verdict: expectedHealth.size.verdict,
          });
          expect(await headline(h.client, scope(twice))).toEqual([
            { backlogId: x.backlogId, openItems: expected.openItems, zombies: expected.count, sizeInSprints: expectedHealth.size.sizeInSprints, verdict: expectedHealth.size.verdict },
          ]);
          expect(expectedHealth.openItems).toBe(expected.openItems);
          expect(expectedHealth.size.readyItems).toBe(expectedHealth.readyItems);
        },
      ),
      // On a failure, stop shrinking in time to report the counterexample within the test's timeout.
      { numRuns: 30, interruptAfterTimeLimit: 45_000 },
    );
  }, 60_000);
});
