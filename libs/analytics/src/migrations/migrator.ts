import type { ClickHouseClient } from '@clickhouse/client';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { insertAllItemStates } from '../projection/item-state';

export interface MigrationTarget {
  database: string;
  /** When set: `ON CLUSTER <name>` and Replicated engines. */
  cluster?: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Versioned SQL files beside this module (copied next to the compiled code by the build). */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE_RE.test(f))
    .sort()
    .map((f) => {
      const [, v, name] = FILE_RE.exec(f)!;
      return { version: Number(v), name, sql: readFileSync(join(dir, f), 'utf8') };
    });
}

function migrationsDir(): string {
  // Compiled builds may not carry the .sql files; fall back to the sources.
  const candidates = [__dirname, join(__dirname, '..', '..', '..', '..', '..', 'libs', 'analytics', 'src', 'migrations')];
  const found = candidates.find((d) => existsSync(join(d, '0001_decisions.sql')));
  if (!found) throw new Error(`analytics migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Fills the placeholders of a migration for a single node or a cluster. */
export function render(sql: string, target: MigrationTarget): string {
  const table = (engine: string, args: string) =>
    target.cluster ? `Replicated${engine}('/clickhouse/tables/{shard}/{database}/{table}', '{replica}'${args ? `, ${args}` : ''})` : `${engine}(${args})`;
  return sql
    .replace(/\{db\}/g, target.database)
    .replace(/\{on_cluster\}/g, target.cluster ? `ON CLUSTER ${target.cluster}` : '')
    .replace(/\{replacing_versioned:([a-z_]+)\}/g, (_, col: string) => table('ReplacingMergeTree', col))
    .replace(/\{versioned_collapsing:([a-z_]+),([a-z_]+)\}/g, (_, sign: string, version: string) => table('VersionedCollapsingMergeTree', `${sign}, ${version}`))
    .replace(/\{replacing\}/g, table('ReplacingMergeTree', ''))
    .replace(/\{merge_tree\}/g, table('MergeTree', ''))
    // Only 0006 backfills item_state, before 0007 adds columns the current definition reads.
    .replace(/\{item_state_backfill\}/g, () => insertAllItemStates(target.database, 'before-0007'));
}

/**
 * The statements of a migration file, in order: separated by a `;` at the end of a line; parts holding only
 * comments are dropped. (A file is recorded as applied after its last statement, so each statement must be
 * safe to run again.)
 */
export function statements(sql: string): string[] {
  return sql
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((part) => part.trim())
    .filter((part) => part.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
}

/**
 * Applies every migration not yet recorded in `<db>.schema_migrations`, in order. Idempotent: the DDL is
 * `IF NOT EXISTS` and applied versions are skipped, so concurrent or repeated starts are safe.
 */
export async function migrate(
  client: ClickHouseClient,
  target: MigrationTarget,
  log: (line: string) => void = () => undefined,
  migrations: Migration[] = loadMigrations(),
): Promise<number[]> {
  const onCluster = target.cluster ? ` ON CLUSTER ${target.cluster}` : '';
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${target.database}${onCluster}` });
  await client.command({
    query: render(
      `CREATE TABLE IF NOT EXISTS {db}.schema_migrations {on_cluster}
       (version UInt32, name String, applied_at DateTime64(3, 'UTC')) ENGINE = {replacing} ORDER BY version`,
      target,
    ),
  });
  const rs = await client.query({ query: `SELECT version FROM ${target.database}.schema_migrations FINAL`, format: 'JSONEachRow' });
  const applied = new Set((await rs.json<{ version: number }>()).map((r) => Number(r.version)));
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    log(`analytics: applying migration ${String(m.version).padStart(4, '0')}_${m.name}`);
    for (const statement of statements(render(m.sql, target))) await client.command({ query: statement });
    await client.insert({
      table: `${target.database}.schema_migrations`,
      values: [{ version: m.version, name: m.name, applied_at: new Date().toISOString() }],
      format: 'JSONEachRow',
    });
    done.push(m.version);
  }
  return done;
}
