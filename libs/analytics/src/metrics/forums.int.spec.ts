import { mkdtempSync, rmSync } from 'node:fs';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { ForumHistory } from '../testing/forum-history';
import { appendHistory } from '../testing/generated-history';
import { projectAll } from '../projection/analytics-projector';
import { rebuildProjection } from '../projection/rebuild';
import { forumStats, type ForumReport } from './forums';

/** Golden scenarios for the forum analytics (issue 4 part 8; docs/metrics-forums.md), expectations computed by hand. */
describe('forum analytics', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  async function report(f: ForumHistory, opts: { from?: number; to?: number; at?: number; db?: string; forumIds?: string[] } = {}): Promise<ForumReport> {
    const db = opts.db ?? (await h.freshDatabase());
    if (!opts.db) await h.insert(db, f.history.events);
    return forumStats(
      h.client,
      { database: db, forumIds: opts.forumIds ?? [f.forumId], at: new Date(f.history.at(opts.at ?? 30)) },
      { from: new Date(f.history.at(opts.from ?? 0)), to: new Date(f.history.at(opts.to ?? 30)) },
    );
  }

  /**
   * Four members (ola leaves on day 20). P1 kill (day 1 → 8, all 4 voted), P2 keep (2 → 12, 3 of 4),
   * P3 no-quorum (3 → 6.5, 1 of 4), P4 withdrawn on day 5, P5 opened on day 10 and still open.
   */
  function portfolioReview(): ForumHistory {
    const f = new ForumHistory(new History());
    f.created(0, 'Portfolio review');
    for (const m of ['mia', 'max', 'noa', 'ola']) f.join(0.5, m);
    const p1 = f.open(1);
    const p2 = f.open(2);
    const p3 = f.open(3);
    const p4 = f.open(4);
    f.vote(4, p1, 'mia', 'kill');
    f.vote(4.5, p1, 'mia', 'keep', true);
    f.amend(4.6, p2);
    f.withdraw(5, p4);
    f.close(6.5, p3, 'no-quorum', { kill: 1, members: 4 });
    f.close(8, p1, 'kill', { kill: 3, keep: 1, members: 4 });
    f.open(10);
    f.close(12, p2, 'keep', { kill: 1, keep: 2, members: 4 });
    f.leave(20, 'ola');
    return f;
  }

  it('per forum: proposals, closes by outcome, kill rate, median time to decision, participation, no-quorum share, withdrawn', async () => {
    const f = portfolioReview();
    const r = await report(f);
    expect(r.forums).toEqual([
      {
        forumId: f.forumId,
        name: 'Portfolio review',
        proposalsOpened: 5,
        closed: { total: 3, kill: 1, keep: 1, noQuorum: 1 },
        killRate: 1 / 3,
        noQuorumShare: 1 / 3,
        medianDaysToDecision: 7, // durations 3.5, 7, 10
        participation: expect.closeTo((1 + 0.75 + 0.25) / 3, 12),
        withdrawn: 1,
        openProposals: 1,
        members: 3,
        // No delegation in this forum (ADR 0035): none of the 1 + 3 + 4 votes counted for someone else.
        delegatedVotes: 0,
        delegatedShare: 0,
        delegationsGranted: 0,
        delegationsRevoked: 0,
        activeDelegations: 0,
      },
    ]);
  });

  it('as of a past instant, later events do not exist (and the median of an even count is the mean of the middle two)', async () => {
    const f = portfolioReview();
    const r = await report(f, { at: 9, to: 9 });
    expect(r.forums[0]).toEqual({
      forumId: f.forumId,
      name: 'Portfolio review',
      proposalsOpened: 4,
      closed: { total: 2, kill: 1, keep: 0, noQuorum: 1 },
      killRate: 0.5,
      noQuorumShare: 0.5,
      medianDaysToDecision: 5.25, // 3.5 and 7
      participation: 0.625, // 1 and 0.25
      withdrawn: 1,
      openProposals: 1, // P2, closed only on day 12
      members: 4, // ola leaves on day 20
      delegatedVotes: 0, delegatedShare: 0, delegationsGranted: 0, delegationsRevoked: 0, activeDelegations: 0,
    });
    expect(r.at).toBe(f.history.at(9));
  });

  it('counts what happened in [from, to): a close in the period counts with its opening before it', async () => {
    const f = portfolioReview();
    const r = await report(f, { from: 5, to: 10 });
    expect(r.forums[0]).toMatchObject({
      proposalsOpened: 0, // P5 opens on day 10, the end of the period (exclusive)
      closed: { total: 2, kill: 1, keep: 0, noQuorum: 1 },
      medianDaysToDecision: 5.25,
      withdrawn: 1, // on day 5, the start (inclusive)
      openProposals: 1, // as of `at` (day 30)
    });
  });

  it("measures time to decision to the close's closedAt, and a close recorded after `at` does not exist yet", async () => {
    const f = new ForumHistory(new History());
    f.created(0);
    const p = f.open(0);
    f.close(9, p, 'keep', { keep: 2, members: 2 }, 7); // deadline day 7, recorded by the scheduler on day 9
    const db = await h.freshDatabase();
    await h.insert(db, f.history.events);
    expect((await report(f, { db })).forums[0]).toMatchObject({ medianDaysToDecision: 7, participation: 1, closed: { total: 1, kill: 0, keep: 1, noQuorum: 0 } });
    expect((await report(f, { db, at: 8, to: 8 })).forums[0]).toMatchObject({ closed: { total: 0, kill: 0, keep: 0, noQuorum: 0 }, medianDaysToDecision: null, openProposals: 1, killRate: null });
  });

  it('is unchanged when every event is projected twice (redelivery)', async () => {
    const f = portfolioReview();
    const db = await h.freshDatabase();
    await h.insert(db, f.history.events);
    const once = await report(f, { db });
    await h.insert(db, f.history.events);
    await h.insert(db, f.history.events.slice(3, 9));
    expect(await report(f, { db })).toEqual(once);
  });

  it('keeps forums apart, reports a forum without events as zeros, an empty scope as empty, and rejects from > to', async () => {
    const history = new History();
    const a = new ForumHistory(history);
    const b = new ForumHistory(history);
    a.created(0, 'A');
    b.created(0, 'B');
    a.close(2, a.open(1), 'kill', { kill: 2, members: 2 });
    b.close(3, b.open(1), 'keep', { keep: 1, members: 4 });
    const db = await h.freshDatabase();
    await h.insert(db, history.events);
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const r = await report(a, { db, forumIds: [a.forumId, unknown] });
    const byId = new Map(r.forums.map((x) => [x.forumId, x]));
    expect(byId.get(a.forumId)).toMatchObject({ name: 'A', killRate: 1, participation: 1, medianDaysToDecision: 1 });
    expect(byId.get(unknown)).toEqual({
      forumId: unknown, name: '', proposalsOpened: 0, closed: { total: 0, kill: 0, keep: 0, noQuorum: 0 }, killRate: null,
      noQuorumShare: null, medianDaysToDecision: null, participation: null, withdrawn: 0, openProposals: 0, members: 0,
      delegatedVotes: 0, delegatedShare: null, delegationsGranted: 0, delegationsRevoked: 0, activeDelegations: 0,
    });
    expect((await report(b, { db })).forums[0]).toMatchObject({ name: 'B', killRate: 0, participation: 0.25, medianDaysToDecision: 2 });
    expect((await report(a, { db, forumIds: [] })).forums).toEqual([]);
    await expect(report(a, { db, from: 10, to: 5 })).rejects.toThrow(RangeError);
  });

  describe('delegated votes (ADR 0035)', () => {
    /** mia → max for days [1, 20), revoked on day 6; noa → ola for [2, 30); ola leaves on day 25 (ending noa's). */
    function delegating(): ForumHistory {
      const f = new ForumHistory(new History());
      f.created(0, 'Delegating forum');
      for (const m of ['mia', 'max', 'noa', 'ola']) f.join(0.5, m);
      const miaToMax = f.delegate(1, 'mia', 'max', 1, 20);
      f.delegate(2, 'noa', 'ola', 2, 30);
      const p1 = f.open(3);
      f.close(10, p1, 'kill', { kill: 3, keep: 1, members: 4, delegated: 2 });
      f.revoke(6, miaToMax, 'mia', 'max');
      const p2 = f.open(11);
      f.close(18, p2, 'keep', { keep: 3, members: 4, delegated: 1 });
      f.leave(25, 'ola');
      return f;
    }

    it('counts delegated votes of the closes in the period, delegations granted and revoked, and those holding at `at`', async () => {
      const f = delegating();
      const db = await h.freshDatabase();
      await h.insert(db, f.history.events);
      expect((await report(f, { db, at: 30, to: 30 })).forums[0]).toMatchObject({
        delegatedVotes: 3,
        delegatedShare: 3 / 7,
        delegationsGranted: 2,
        delegationsRevoked: 1,
        activeDelegations: 0, // mia's revoked, noa's ended when ola left
        participation: 1 - 0.25 / 2,
      });
      expect((await report(f, { db, at: 5, to: 5 })).forums[0]).toMatchObject({ activeDelegations: 2, delegationsRevoked: 0, delegatedVotes: 0, delegatedShare: null });
      expect((await report(f, { db, at: 7, to: 7 })).forums[0]).toMatchObject({ activeDelegations: 1, delegationsRevoked: 1 });
      expect((await report(f, { db, at: 24, to: 24 })).forums[0]).toMatchObject({ activeDelegations: 1 });
      expect((await report(f, { db, from: 11, to: 30, at: 30 })).forums[0]).toMatchObject({ delegatedVotes: 1, delegatedShare: 1 / 3, delegationsGranted: 0 });
    });

    it('property: incremental (projector batches) == rebuild == only the events up to T', async () => {
      type Op = { kind: 'delegate' | 'revoke' | 'leave' | 'join' | 'open' | 'close'; a: number; b: number; len: number; dt: number };
      const op: fc.Arbitrary<Op> = fc.record({
        kind: fc.constantFrom('delegate', 'delegate', 'revoke', 'leave', 'join', 'open', 'close', 'close'),
        a: fc.nat(5),
        b: fc.nat(5),
        len: fc.integer({ min: 1, max: 20 }),
        dt: fc.double({ min: 0, max: 3, noNaN: true }),
      });
      const dir = mkdtempSync(join(tmpdir(), 'ledger-forum-prop-'));
      let run = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), async (ops, tFraction) => {
            const f = new ForumHistory(new History());
            f.created(0);
            const people = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
            const members = new Set<string>();
            const grants: Array<{ id: string; by: string; to: string }> = [];
            const open: string[] = [];
            let day = 0;
            for (const p of people.slice(0, 4)) (f.join(0, p), members.add(p));
            for (const o of ops) {
              day += o.dt;
              const [x, y] = [people[o.a], people[o.b]];
              if (o.kind === 'delegate' && x !== y) grants.push({ id: f.delegate(day, x, y, day, day + o.len), by: x, to: y });
              else if (o.kind === 'revoke' && grants.length) {
                const g = grants[o.a % grants.length];
                f.revoke(day, g.id, g.by, g.to);
              } else if (o.kind === 'leave' && members.has(x)) (f.leave(day, x), members.delete(x));
              else if (o.kind === 'join' && !members.has(x)) (f.join(day, x), members.add(x));
              else if (o.kind === 'open') open.push(f.open(day));
              else if (o.kind === 'close' && open.length) f.close(day, open.shift()!, 'keep', { keep: 1 + o.a, members: members.size, delegated: o.b % (2 + o.a) });
            }
            const events = f.history.events;
            const start = f.history.start.getTime();
            const end = Date.parse(events[events.length - 1].recordedAt) + 86_400_000;
            const T = new Date(Math.round(start + tFraction * (end - start)));
            const store = SqliteEventStore.open({ file: join(dir, `e-${++run}.sqlite`), clock: new FixedClock(new Date('2026-06-01T00:00:00.000Z')) });
            try {
              await appendHistory(store, events);
              // The store numbers the events itself (concurrent appends of different streams may commit in another order):
              // the as-of database uses the events as stored, positions included.
              const stored = await store.readAll({ after: 0, limit: 10_000 });
              const [incremental, rebuilt, upToT] = [await h.freshDatabase(), await h.freshDatabase(), await h.freshDatabase()];
              await projectAll(h.client, incremental, store, undefined, { batchSize: 8 });
              await rebuildProjection({ client: h.client, database: rebuilt, store });
              await h.insert(upToT, stored.filter((e) => Date.parse(e.metadata.occurredAt as string) <= T.getTime()));
              const stats = (database: string, at: Date) =>
                forumStats(h.client, { database, forumIds: [f.forumId], at }, { from: new Date(start), to: new Date(end) }).then((r) => r.forums[0]);
              const expected = await stats(upToT, T);
              expect(await stats(incremental, T)).toEqual(expected);
              expect(await stats(rebuilt, T)).toEqual(expected);
              expect(await stats(rebuilt, new Date(end))).toEqual(await stats(incremental, new Date(end)));
            } finally {
              await store.close();
            }
          }),
          { numRuns: 6 },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 400_000);

    it('is the same when the events are projected twice', async () => {
      const f = delegating();
      const db = await h.freshDatabase();
      await h.insert(db, f.history.events);
      const once = await report(f, { db, at: 30, to: 30 });
      await h.insert(db, f.history.events);
      expect(await report(f, { db, at: 30, to: 30 })).toEqual(once);
    });
  });

  describe('through the projector and the rebuild', () => {
    let dir: string;
    let store: SqliteEventStore;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ledger-forums-'));
      store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock: new FixedClock(new Date('2026-06-01T00:00:00.000Z')) });
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('projectAll writes forum rows before the checkpoint, and a rebuild recomputes them', async () => {
      const f = portfolioReview();
      f.history.created(0);
      await appendHistory(store, f.history.events);
      const db = await h.freshDatabase();
      await projectAll(h.client, db, store);
      const direct = await h.freshDatabase();
      await h.insert(direct, f.history.events);
      const expected = (await report(f, { db: direct })).forums;
      expect(expected[0].proposalsOpened).toBe(5);
      expect((await report(f, { db })).forums).toEqual(expected);

      // A row lost from the live table comes back with the rebuild (which swaps forum_events too).
      await h.client.command({ query: `TRUNCATE TABLE ${db}.forum_events` });
      expect((await report(f, { db })).forums[0].proposalsOpened).toBe(0);
      await rebuildProjection({ client: h.client, database: db, store });
      expect((await report(f, { db })).forums).toEqual(expected);
    });
  });
});
