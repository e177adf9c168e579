import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { createAnalyticsClient } from '../clickhouse/analytics-client';
import { loadMigrations, migrate, render, statements } from './migrator';

describe('analytics migrations (chDB through @clickhouse/client)', () => {
  let dir: string;
  let client: ClickHouseClient;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-chdb-'));
    client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'ledger_test' });
  });
  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every versioned file once, records it, and is a no-op the second time', async () => {
    const all = loadMigrations().map((m) => m.version);
    expect(all[0]).toBe(1);
    expect(await migrate(client, { database: 'ledger_test' })).toEqual(all);
    expect(await migrate(client, { database: 'ledger_test' })).toEqual([]);
    const rs = await client.query({ query: 'SELECT version, name FROM ledger_test.schema_migrations FINAL ORDER BY version', format: 'JSONEachRow' });
    expect((await rs.json<{ version: number }>()).map((r) => Number(r.version))).toEqual(all);
    const cols = await client.query({
      query: "SELECT name, type FROM system.columns WHERE database = 'ledger_test' AND table = 'decisions' AND name IN ('type', 'occurred_at')",
      format: 'JSONEachRow',
    });
    expect(await cols.json()).toEqual(
      expect.arrayContaining([
        { name: 'type', type: 'LowCardinality(String)' },
        { name: 'occurred_at', type: "DateTime64(3, 'UTC')" },
      ]),
    );
  });

  it('0003 re-creates decisions without partitions and sends every checkpoint back to 0 (the projector re-projects)', async () => {
    const db = 'ledger_upgrade';
    const all = loadMigrations();
    expect(await migrate(client, { database: db }, undefined, all.filter((m) => m.version < 3))).toEqual([1, 2]);
    const partitionKey = async () => {
      const rs = await client.query({ query: `SELECT partition_key FROM system.tables WHERE database = '${db}' AND name = 'decisions'`, format: 'JSONEachRow' });
      return (await rs.json<{ partition_key: string }>())[0].partition_key;
    };
    expect(await partitionKey()).toBe('toYYYYMM(occurred_at)');
    await client.command({ query: `INSERT INTO ${db}.decisions (position, event_id, backlog_id, occurred_at, recorded_at) VALUES (7, 'e', 'b', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')` });
    await client.insert({
      table: `${db}.projection_checkpoints`,
      values: [{ name: 'decisions', position: 7, updated_at: '2099-01-01 00:00:00.000' }],
      format: 'JSONEachRow',
    });
    expect(await migrate(client, { database: db })).toEqual(all.filter((m) => m.version >= 3).map((m) => m.version));
    expect(await partitionKey()).toBe('');
    const rows = await client.query({ query: `SELECT count() AS n FROM ${db}.decisions`, format: 'JSONEachRow' });
    expect((await rows.json<{ n: string | number }>()).map((r) => Number(r.n))).toEqual([0]);
    const cp = await client.query({ query: `SELECT name, position, updated_at > '2099-01-01 00:00:00.000' AS newer FROM ${db}.projection_checkpoints FINAL`, format: 'JSONEachRow' });
    const checkpoints = await cp.json<{ name: string; position: string | number; newer: number }>();
    expect(checkpoints.map((c) => [c.name, Number(c.position), Number(c.newer)])).toEqual([['decisions', 0, 1]]);
  });

  it('0007 (imported history) then 0008, 0009 (decision quality) upgrade a database in order; one that had 0008, 0009 first gets 0007', async () => {
    const all = loadMigrations();
    const versions = all.map((m) => m.version);
    expect(versions.slice(6, 9)).toEqual([7, 8, 9]);
    const columns = async (db: string, table: string) => {
      const rs = await client.query({ query: `SELECT name FROM system.columns WHERE database = '${db}' AND table = '${table}' ORDER BY position`, format: 'JSONEachRow' });
      return (await rs.json<{ name: string }>()).map((c) => c.name);
    };
    const reprioritized = (db: string, position: number, from: number, to: number) =>
      client.command({
        query: `INSERT INTO ${db}.decisions (position, event_id, backlog_id, item_id, type, actor_id, occurred_at, recorded_at, trigger, from_position, to_position)
                VALUES (${position}, 'e${position}', 'b', 'i', 'item.reprioritized', 'olga', '2026-01-0${position} 00:00:00.000', '2026-01-0${position} 00:00:00.000', 'routine', ${from}, ${to})`,
      });

    // Main before decision quality: 0001..0007, a ranking move and a move off the ranking (same position: direction 0).
    const main = 'ledger_main_0007';
    expect(await migrate(client, { database: main }, undefined, all.filter((m) => m.version <= 7))).toEqual(versions.filter((v) => v <= 7));
    await reprioritized(main, 1, 3, 1);
    await reprioritized(main, 2, 2, 2);
    expect(await migrate(client, { database: main })).toEqual([8, 9]);
    const rows = await client.query({
      query: `SELECT position, from_position, to_position, model, judged, passed_over_count FROM ${main}.reprioritizations FINAL ORDER BY position`,
      format: 'JSONEachRow',
    });
    // Backfilled from decisions as unjudged moves (recorded before scores were frozen).
    expect((await rows.json<Record<string, unknown>>()).map((r) => [Number(r.position), r.from_position, r.to_position, r.model, r.judged, Number(r.passed_over_count)])).toEqual([
      [1, 3, 1, '', 0, 0],
      [2, 2, 2, '', 0, 0],
    ]);
    expect(await columns(main, 'decisions')).toEqual(expect.arrayContaining(['scale', 'approximate', 'direction', 'stated_why']));
    expect(await columns(main, 'forum_events')).toEqual(expect.arrayContaining(['tally_delegated', 'delegation_id', 'delegate_id', 'valid_from', 'valid_until']));

    // The decision-quality branch before it met main: 0001..0006, 0008, 0009 applied; 0007 comes after them.
    const dq = 'ledger_dq_no_0007';
    const withoutImports = all.filter((m) => m.version !== 7);
    expect(await migrate(client, { database: dq }, undefined, withoutImports)).toEqual(versions.filter((v) => v !== 7));
    await reprioritized(dq, 1, 3, 1);
    expect(await migrate(client, { database: dq })).toEqual([7]);
    const moved = await client.query({ query: `SELECT scale, approximate, direction, stated_why FROM ${dq}.decisions FINAL`, format: 'JSONEachRow' });
    expect(await moved.json()).toEqual([{ scale: 'rank', approximate: 0, direction: -1, stated_why: 1 }]);
    expect(await columns(dq, 'decisions')).toEqual(await columns(main, 'decisions'));
    expect(await columns(dq, 'reprioritizations')).toEqual(await columns(main, 'reprioritizations'));
    expect(await columns(dq, 'forum_events')).toEqual(await columns(main, 'forum_events'));
    expect(await columns(dq, 'backlog_decisions')).toEqual(await columns(main, 'backlog_decisions'));
  });

  it('splits a file into statements at a ; ending a line, ignoring comment-only parts', () => {
    expect(statements('-- head\nDROP TABLE a;\n\n-- about b\nCREATE TABLE b (x String) -- trailing; not a split\n  ENGINE = Memory;\n-- end\n')).toEqual([
      '-- head\nDROP TABLE a',
      '-- about b\nCREATE TABLE b (x String) -- trailing; not a split\n  ENGINE = Memory',
    ]);
    expect(statements(loadMigrations()[0].sql)).toHaveLength(1);
  });

  it('renders the cluster variant with ON CLUSTER and Replicated engines', () => {
    const sql = render(loadMigrations()[0].sql, { database: 'ledger', cluster: 'main' });
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS ledger.decisions ON CLUSTER main');
    expect(sql).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')");
    const single = render(loadMigrations()[1].sql, { database: 'ledger' });
    expect(single).toContain('ENGINE = ReplacingMergeTree(updated_at)');
    expect(single).not.toContain('ON CLUSTER');
  });
});
