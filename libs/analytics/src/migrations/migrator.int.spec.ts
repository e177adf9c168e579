import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { createAnalyticsClient } from '../clickhouse/analytics-client';
import { loadMigrations, migrate, render } from './migrator';

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

  it('renders the cluster variant with ON CLUSTER and Replicated engines', () => {
    const sql = render(loadMigrations()[0].sql, { database: 'ledger', cluster: 'main' });
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS ledger.decisions ON CLUSTER main');
    expect(sql).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')");
    const single = render(loadMigrations()[1].sql, { database: 'ledger' });
    expect(single).toContain('ENGINE = ReplacingMergeTree(updated_at)');
    expect(single).not.toContain('ON CLUSTER');
  });
});
