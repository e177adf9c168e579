import fc from 'fast-check';
import type { RecordedEvent } from '@ledger/kernel';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { History } from '../testing/history';
import { generateHistory } from '../testing/generated-history';
import { insertAllItemStates, liveItemStates } from '../projection/item-state';
import { decisionRow } from '../projection/decision-row';
import { loadMigrations, migrate } from '../migrations/migrator';
import { health } from './health';
import { portfolio, type PortfolioRow } from './portfolio';
import { reversals } from './reversals';
import { zombies } from './zombies';

const DAY = 86_400_000;

/**
 * The portfolio reads `item_state` (ADR 0018); these tests pin it to the per-backlog reports, which read every
 * decision: same numbers for every backlog, as of any instant (also before items' later decisions), for any
 * period, however the rows arrived (batches, redelivery, all at once), and after a rebuild of the item states.
 */
describe('portfolio (item_state) == the per-backlog reports', () => {
  let h: AnalyticsHarness;
  beforeAll(async () => (h = await startAnalytics()));
  afterAll(() => h.close());

  /** What each backlog's own reports say, in the portfolio's shape. */
  async function fromReports(db: string, backlogId: string, at: Date, period: { from: Date; to: Date }): Promise<PortfolioRow> {
    const scope = { database: db, backlogIds: [backlogId], at };
    const [z, hl, r] = await Promise.all([
      zombies(h.client, scope),
      health(h.client, scope, period),
      reversals(h.client, scope, period, { listLimit: 0 }),
    ]);
    return {
      backlogId,
      openItems: z.openItems,
      zombies: z.count,
      size: hl.size,
      decisions: r.decisions,
      reversingDecisions: r.reversingDecisions,
      reversalRate: r.rate,
    };
  }

  async function expectSameAsReports(db: string, backlogIds: string[], at: Date, period: { from: Date; to: Date }) {
    const rows = await portfolio(h.client, { database: db, backlogIds, at }, period);
    expect(rows.map((r) => r.backlogId)).toEqual(backlogIds);
    for (const row of rows) expect(row).toEqual(await fromReports(db, row.backlogId, at, period));
    // Items changed after `at` named by a subquery instead of a list: same numbers.
    expect(await portfolio(h.client, { database: db, backlogIds, at }, period, { listedMax: 0 })).toEqual(rows);
    return rows;
  }

  const backlogsOf = (events: RecordedEvent[]) => [
    ...new Set(events.filter((e) => e.type === 'backlog.created').map((e) => String(e.data.backlogId))),
  ];

  it('equals every backlog report now and as of earlier instants, rows inserted in batches', async () => {
    const events = generateHistory({ events: 3000, backlogs: 3, days: 240, seed: 11 });
    const db = await h.freshDatabase();
    for (let i = 0; i < events.length; i += 700) await h.insert(db, events.slice(i, i + 700));
    const ids = [...backlogsOf(events).reverse(), '00000000-0000-4000-8000-000000000000'];
    const first = Date.parse(events[0].recordedAt);
    let seen = { zombies: 0, reversing: 0, open: 0 };
    for (const days of [45, 120, 200, 400]) {
      const at = new Date(first + days * DAY);
      const rows = await expectSameAsReports(db, ids, at, { from: new Date(at.getTime() - 90 * DAY), to: at });
      // A period that ends after `at`: decisions after `at` still do not exist as of `at`.
      await expectSameAsReports(db, ids, at, { from: new Date(at.getTime() - 60 * DAY), to: new Date(at.getTime() + 60 * DAY) });
      for (const r of rows) seen = { zombies: seen.zombies + r.zombies, reversing: seen.reversing + r.reversingDecisions, open: seen.open + r.openItems };
      expect(rows[rows.length - 1]).toMatchObject({ openItems: 0, zombies: 0, decisions: 0, reversalRate: null });
    }
    // The history exercises what is compared (not a comparison of zeros).
    expect(seen.zombies).toBeGreaterThan(0);
    expect(seen.reversing).toBeGreaterThan(0);
    expect(seen.open).toBeGreaterThan(0);
  });

  it('equals the reports for imported tracker history: priority and direction-only moves, reopenings (ADR 0025)', async () => {
    const events = generateHistory({ events: 2500, backlogs: 2, days: 200, seed: 23, tracker: true });
    expect(events.some((e) => e.type === 'item.reopened')).toBe(true);
    expect(events.some((e) => (e.data.move as { approximate?: boolean } | undefined)?.approximate === true)).toBe(true);
    const db = await h.freshDatabase();
    for (let i = 0; i < events.length; i += 600) await h.insert(db, events.slice(i, i + 600));
    const first = Date.parse(events[0].recordedAt);
    let reversing = 0;
    for (const days of [70, 150, 260]) {
      const at = new Date(first + days * DAY);
      const rows = await expectSameAsReports(db, backlogsOf(events), at, { from: new Date(at.getTime() - 90 * DAY), to: at });
      reversing += rows.reduce((n, r) => n + r.reversingDecisions, 0);
    }
    expect(reversing).toBeGreaterThan(0);
  });

  it('applies the reversal window in force at each decision, through a policy change', async () => {
    const b = new History();
    b.created(0); // reversalWindowDays = 30
    const early = b.add(0, { title: 'moved back 20 days later, under the 30-day window' });
    const late = b.add(0, { title: 'moved back 20 days later, under the 10-day window' });
    b.move(1, early, 5, 1);
    b.move(21, early, 1, 5);
    b.policy(30, { reversalWindowDays: 10 });
    b.move(40, late, 5, 1);
    b.move(60, late, 1, 5);
    const killed = b.add(61, { title: 'killed and revived' });
    b.kill(62, killed);
    b.revive(63, killed);
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    const at = new Date(b.at(100));
    const [row] = await expectSameAsReports(db, [b.backlogId], at, { from: new Date(b.at(0)), to: at });
    expect(row.reversingDecisions).toBe(2); // early's move back and the revival; not late's
  });

  it('redelivery, backdated rows and a rebuild of every item state change nothing', async () => {
    const events = generateHistory({ events: 1500, backlogs: 2, days: 200, seed: 5 });
    const ids = backlogsOf(events);
    const first = Date.parse(events[0].recordedAt);
    const at = new Date(first + 150 * DAY);
    const period = { from: new Date(first + 30 * DAY), to: at };

    const once = await h.freshDatabase();
    await h.insert(once, events);
    const expected = await expectSameAsReports(once, ids, at, period);

    // Every batch delivered twice, out of its original grouping.
    const twice = await h.freshDatabase();
    for (let i = 0; i < events.length; i += 400) {
      await h.insert(twice, events.slice(i, i + 400));
      await h.insert(twice, events.slice(Math.max(0, i - 150), i + 250));
    }
    expect(await portfolio(h.client, { database: twice, backlogIds: ids, at }, period)).toEqual(expected);
    // Cancelled rows and their cancellations collapsed by a merge (or not): the same numbers.
    await h.client.command({ query: `OPTIMIZE TABLE ${twice}.item_state FINAL` });
    expect(await portfolio(h.client, { database: twice, backlogIds: ids, at }, period)).toEqual(expected);

    // Rows of the earlier half arriving after the later half (an import of older decisions).
    const backdated = await h.freshDatabase();
    const half = Math.floor(events.length / 2);
    await h.insert(backdated, events.slice(half));
    await h.insert(backdated, events.slice(0, half));
    expect(await portfolio(h.client, { database: backdated, backlogIds: ids, at }, period)).toEqual(expected);

    // The rebuild's way: all rows first, then every item's state in one statement.
    const rebuilt = await h.freshDatabase();
    await h.client.insert({ table: `${rebuilt}.decisions`, values: await rowsOf(once), format: 'JSONEachRow' });
    await h.client.command({ query: `INSERT INTO ${rebuilt}.backlog_decisions SELECT * FROM ${rebuilt}.decisions WHERE item_id = ''` });
    await h.client.command({ query: insertAllItemStates(rebuilt) });
    expect(await portfolio(h.client, { database: rebuilt, backlogIds: ids, at }, period)).toEqual(expected);
    for (const db of [twice, backdated, rebuilt]) expect(await stateRows(db)).toEqual(await stateRows(once));
  });

  it('a state written twice (two refreshes of an item at once) is repaired by the item\'s next refresh', async () => {
    const b = new History();
    b.created(0);
    const item = b.add(0, { title: 'refreshed twice at once' });
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    const at = new Date(b.at(10));
    const scope = { database: db, backlogIds: [b.backlogId], at };
    const period = { from: new Date(b.at(0)), to: at };
    const [before] = await portfolio(h.client, scope, period);
    expect(before).toMatchObject({ openItems: 1, decisions: 1 });
    // What a second, concurrent refresh would leave: the same live row once more.
    await h.client.command({ query: `INSERT INTO ${db}.item_state SELECT * EXCEPT live, toInt8(1) FROM (${liveItemStates(db)})` });
    expect((await portfolio(h.client, scope, period))[0]).toMatchObject({ openItems: 2, decisions: 2 });
    b.move(5, item, 1, 2);
    await h.insert(db, b.events.slice(-1));
    const [after] = await portfolio(h.client, scope, period);
    expect(after).toEqual(await fromReports(db, b.backlogId, at, period));
    expect(after).toMatchObject({ openItems: 1, decisions: 2 });
    expect((await stateRows(db)).map((r) => Number(r.live))).toEqual([1]);
  });

  it('a store projected before migration 0006 upgrades: item_state re-created with signs and backfilled, same numbers', async () => {
    const events = generateHistory({ events: 1200, backlogs: 2, days: 200, seed: 8 });
    const ids = backlogsOf(events);
    const db = `upgrade_${process.pid}`;
    const all = loadMigrations();
    expect(await migrate(h.client, { database: db }, undefined, all.filter((m) => m.version < 5))).toEqual([1, 2, 3, 4]);
    await h.client.insert({ table: `${db}.decisions`, values: events.map(decisionRow).filter((r) => r !== null), format: 'JSONEachRow' });
    expect(await migrate(h.client, { database: db }, undefined, all.filter((m) => m.version < 6))).toEqual([5]);
    expect(await columnsOf(db, 'item_state')).not.toContain('sign');
    expect(await migrate(h.client, { database: db })).toEqual(all.filter((m) => m.version >= 6).map((m) => m.version));
    expect(await columnsOf(db, 'item_state')).toContain('sign');
    const at = new Date(Date.parse(events[0].recordedAt) + 150 * DAY);
    const rows = await expectSameAsReports(db, ids, at, { from: new Date(at.getTime() - 120 * DAY), to: at });
    expect(rows.reduce((n, r) => n + r.reversingDecisions, 0)).toBeGreaterThan(0);
  });

  it('a store projected before migration 0007 upgrades: the new columns read exactly what the projector writes now', async () => {
    const events = generateHistory({ events: 1200, backlogs: 2, days: 200, seed: 9 });
    const ids = backlogsOf(events);
    const db = `upgrade7_${process.pid}`;
    const all = loadMigrations();
    expect(await migrate(h.client, { database: db }, undefined, all.filter((m) => m.version < 7))).toEqual(all.filter((m) => m.version < 7).map((m) => m.version));
    const old = events.map(decisionRow).filter((r) => r !== null).map(({ scale: _s, approximate: _a, direction: _d, stated_why: _w, ...row }) => row);
    await h.client.insert({ table: `${db}.decisions`, values: old, format: 'JSONEachRow' });
    await h.client.insert({ table: `${db}.backlog_decisions`, values: old.filter((r) => r.item_id === ''), format: 'JSONEachRow' });
    await h.client.command({ query: insertAllItemStates(db, 'before-0007') });
    // 0007, then the later ones (0008, 0009: decision quality) in order.
    expect(await migrate(h.client, { database: db })).toEqual(all.filter((m) => m.version >= 7).map((m) => m.version));
    const fresh = await h.freshDatabase();
    await h.insert(fresh, events);
    const moves = async (database: string) => {
      const rs = await h.client.query({
        query: `SELECT event_id, scale, approximate, direction, stated_why FROM ${database}.decisions FINAL ORDER BY event_id`,
        format: 'JSONEachRow',
      });
      return rs.json<Record<string, unknown>>();
    };
    const upgraded = await moves(db);
    expect(upgraded).toEqual(await moves(fresh));
    expect(upgraded.some((r) => Number(r.direction) === 1)).toBe(true);
    const at = new Date(Date.parse(events[0].recordedAt) + 150 * DAY);
    await expectSameAsReports(db, ids, at, { from: new Date(at.getTime() - 120 * DAY), to: at });
  });

  async function columnsOf(db: string, table: string) {
    const rs = await h.client.query({ query: `SELECT name FROM system.columns WHERE database = '${db}' AND table = '${table}'`, format: 'JSONEachRow' });
    return (await rs.json<{ name: string }>()).map((c) => c.name);
  }

  async function rowsOf(db: string) {
    const rs = await h.client.query({ query: `SELECT * FROM ${db}.decisions FINAL`, format: 'JSONEachRow' });
    return rs.json<Record<string, unknown>>();
  }
  async function stateRows(db: string) {
    const rs = await h.client.query({
      query: `${liveItemStates(db)} ORDER BY backlog_id, item_id`,
      format: 'JSONEachRow',
    });
    return rs.json<Record<string, unknown>>();
  }

  it('property: for random histories, batchings, instants and periods it equals the reports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 50, max: 900 }),
        // Histories span ~120 days: most instants fall inside (items change after them), some after the end.
        fc.integer({ min: 5, max: 170 }),
        fc.integer({ min: 1, max: 200 }),
        async (seed, batch, atDay, periodDays) => {
          const events = generateHistory({ events: 800, backlogs: 2, days: 150, seed });
          const db = await h.freshDatabase();
          for (let i = 0; i < events.length; i += batch) await h.insert(db, events.slice(i, i + batch));
          const first = Date.parse(events[0].recordedAt);
          const at = new Date(first + atDay * DAY + 3_600_000);
          await expectSameAsReports(db, backlogsOf(events), at, { from: new Date(at.getTime() - periodDays * DAY), to: at });
        },
      ),
      { numRuns: 8, seed: 20261121 },
    );
  }, 300_000); // generous: 8 histories of 800 events on a loaded CI machine

  it('an item decided while the portfolio is computed still counts as of `at` (live writes at "now")', async () => {
    const b = new History();
    b.created(0);
    const items = [b.add(1, { title: 'one' }), b.add(2, { title: 'two' }), b.add(3, { title: 'three' })];
    const db = await h.freshDatabase();
    await h.insert(db, b.events);
    const at = new Date(b.at(10));
    const period = { from: new Date(b.at(0)), to: at };
    const expected = await fromReports(db, b.backlogId, at, period);
    expect(expected.openItems).toBe(3);

    // Right after the portfolio has listed the items changed after `at` (none), each item gets a decision
    // after `at`: the stored-row branch no longer sees them, the first list did not name them.
    let written = false;
    const racing = Object.create(h.client) as typeof h.client;
    racing.query = (async (params: Parameters<typeof h.client.query>[0]) => {
      const result = await h.client.query(params as never);
      if (!written && params.query.includes('last_occurred_at >')) {
        written = true;
        const before = b.events.length;
        items.forEach((itemId, i) => b.move(20 + i, itemId, i + 1, 3 - i));
        await h.insert(db, b.events.slice(before));
      }
      return result;
    }) as typeof h.client.query;
    const [row] = await portfolio(racing, { database: db, backlogIds: [b.backlogId], at }, period);
    expect(written).toBe(true);
    expect(row).toEqual(expected);
  });

  it('an empty scope has no rows', async () => {
    const db = await h.freshDatabase();
    expect(await portfolio(h.client, { database: db, backlogIds: [], at: new Date() }, { from: new Date(0), to: new Date() })).toEqual([]);
  });
});
