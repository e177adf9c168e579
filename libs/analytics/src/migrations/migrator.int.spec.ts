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
