import { loadMigrations, render } from './migrator';

describe('analytics migrations: cluster rendering (CLICKHOUSE_CLUSTER)', () => {
  const migrations = loadMigrations();

  it('puts ON CLUSTER on every CREATE and leaves no placeholder behind', () => {
    for (const m of migrations) {
      const sql = render(m.sql, { database: 'ledger', cluster: 'analytics' });
      const creates = sql.match(/CREATE TABLE IF NOT EXISTS ledger\.\w+ ON CLUSTER analytics/g) ?? [];
      expect(creates.length).toBe((m.sql.match(/CREATE TABLE/g) ?? []).length);
      expect(sql).not.toMatch(/\{(db|on_cluster|replacing|replacing_versioned:\w+|versioned_collapsing:\w+,\w+|merge_tree|\w+_backfill)\}/);
    }
  });

  it('uses Replicated engines with the shard/replica macros, keeping the version column', () => {
    const checkpoints = migrations.find((m) => m.name === 'checkpoints')!;
    expect(render(checkpoints.sql, { database: 'ledger', cluster: 'analytics' })).toContain(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', updated_at)",
    );
    const itemState = migrations.find((m) => m.name === 'item_state_collapsing')!;
    expect(render(itemState.sql, { database: 'ledger', cluster: 'analytics' })).toContain(
      "ENGINE = ReplicatedVersionedCollapsingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', sign, version)",
    );
    expect(render(itemState.sql, { database: 'ledger' })).toContain('ENGINE = VersionedCollapsingMergeTree(sign, version)');
    expect(render('ENGINE = {merge_tree}', { database: 'ledger', cluster: 'analytics' })).toBe(
      "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')",
    );
  });

  it('renders plain engines and no ON CLUSTER for a single node', () => {
    for (const m of migrations) {
      const sql = render(m.sql, { database: 'ledger' });
      expect(sql).not.toContain('ON CLUSTER');
      expect(sql).not.toContain('Replicated');
    }
    expect(render('ENGINE = {replacing_versioned:updated_at}', { database: 'x' })).toBe('ENGINE = ReplacingMergeTree(updated_at)');
  });
});
