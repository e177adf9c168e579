import type { ClickHouseClient } from '@clickhouse/client';
import type { EventStore } from '@ledger/event-store';
import { migrate } from '../migrations/migrator';
import { DecisionWriter, projectAll, type ProjectAllProgress } from './analytics-projector';
import { insertAllItemStates } from './item-state';

/** Tables a rebuild recomputes and swaps in (the checkpoint table stays: see rebuildProjection). */
export const PROJECTED_TABLES = ['decisions', 'backlog_decisions', 'forum_events', 'item_state', 'reprioritizations'] as const;

export interface RebuildOptions {
  client: ClickHouseClient;
  /** The live analytics database. */
  database: string;
  /** ON CLUSTER for the DDL (server deployments). */
  cluster?: string;
  store: EventStore;
  /** Checkpoint name. Default 'decisions'. */
  name?: string;
  /** Events per read/insert. Default 5,000. */
  batchSize?: number;
  onProgress?: (progress: ProjectAllProgress & { phase: 'rebuild' | 'catch-up' }) => void;
  log?: (line: string) => void;
}

export interface RebuildResult {
  /** Position the live table and checkpoint now cover. */
  position: number;
  events: number;
  rows: number;
  elapsedMs: number;
  /** Events per second of the full pass. */
  rate: number;
  /** How the fresh table replaced the live one. */
  switchedWith: 'exchange' | 'rename';
  /** The scratch database the rebuild used (dropped at the end). */
  scratchDatabase: string;
}

/** A rebuild failure, with where it stopped and whether the live tables were touched. */
export class RebuildError extends Error {
  constructor(
    message: string,
    readonly liveTouched: boolean,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'RebuildError';
  }
}

const SCRATCH_PREFIX = (database: string) => `${database}_rebuild_`;

/**
 * Recomputes the analytics tables from position 0 and switches them over:
 * 1. a fresh scratch database `<db>_rebuild_<ms>`, migrated like the live one, receives a full pass;
 * 2. `EXCHANGE TABLES` swaps each projected table with the live one atomically (readers see the old or the
 *    new table, never a missing or half-filled one); where EXCHANGE is unsupported, RENAME swaps them;
 * 3. a short catch-up pass projects into the (new) live table whatever was appended during the rebuild,
 *    then the live checkpoint is set to the position reached;
 * 4. the scratch database, which now holds the old tables, is dropped.
 *
 * The live `projection_checkpoints` is not swapped: any checkpoint it held (≤ the head when the rebuild
 * started) stays valid for the new table once step 3 has run, so a projector that keeps running (server
 * deployments) only re-inserts, idempotently, what it had already projected.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { client, database, cluster, store } = options;
  const log = options.log ?? (() => undefined);
  const onCluster = cluster ? ` ON CLUSTER ${cluster}` : '';
  await migrate(client, { database, cluster }, log);

  // Scratch databases left by an interrupted rebuild hold nothing the live tables need.
  for (const stale of await scratchDatabases(client, database)) {
    log(`dropping ${stale}, left over by an interrupted rebuild`);
    await client.command({ query: `DROP DATABASE IF EXISTS ${stale}${onCluster} SYNC` });
  }

  const scratch = `${SCRATCH_PREFIX(database)}${Date.now()}`;
  let full: ProjectAllProgress;
  try {
    await migrate(client, { database: scratch, cluster });
    full = await projectAll(client, scratch, store, (p) => options.onProgress?.({ ...p, phase: 'rebuild' }), {
      batchSize: options.batchSize,
      name: options.name,
      refreshItems: false,
    });
    // Every item's state in one pass over the fresh table (the catch-up below refreshes per batch again).
    const t0 = Date.now();
    log(`computing every item's state for the portfolio (one pass over the fresh table)…`);
    await client.command({ query: insertAllItemStates(scratch) });
    full.elapsedMs += Date.now() - t0;
    log(`item states computed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    await client.command({ query: `DROP DATABASE IF EXISTS ${scratch}${onCluster} SYNC` }).catch(() => undefined);
    throw new RebuildError(`rebuild failed before the switch-over (live tables untouched): ${message(err)}`, false, err);
  }

  let switchedWith: RebuildResult['switchedWith'] = 'exchange';
  try {
    for (const table of PROJECTED_TABLES) {
      switchedWith = await swap(client, `${database}.${table}`, `${scratch}.${table}`, onCluster);
    }
  } catch (err) {
    throw new RebuildError(
      `switch-over failed: ${message(err)}. The fresh tables are in ${scratch}; the live ones may be unchanged`,
      true,
      err,
    );
  }

  try {
    const catchUp = await projectAll(client, database, store, (p) => options.onProgress?.({ ...p, phase: 'catch-up' }), {
      after: full.position,
      batchSize: options.batchSize,
      name: options.name,
    });
    const writer = new DecisionWriter(client, database, options.name ?? 'decisions');
    await writer.readCheckpoint(); // continues its version sequence
    await writer.writeCheckpoint(catchUp.position);
    await client.command({ query: `DROP DATABASE IF EXISTS ${scratch}${onCluster} SYNC` });
    const elapsedMs = full.elapsedMs + catchUp.elapsedMs;
    return {
      position: catchUp.position,
      events: full.events + catchUp.events,
      rows: full.rows + catchUp.rows,
      elapsedMs,
      rate: Math.round((full.events / Math.max(1, full.elapsedMs)) * 1000),
      switchedWith,
      scratchDatabase: scratch,
    };
  } catch (err) {
    throw new RebuildError(
      `the new tables are live, but catching up after the switch-over failed: ${message(err)}. Run the rebuild again`,
      true,
      err,
    );
  }
}

async function scratchDatabases(client: ClickHouseClient, database: string): Promise<string[]> {
  const rs = await client.query({
    query: 'SELECT name FROM system.databases WHERE startsWith(name, {prefix:String}) ORDER BY name',
    query_params: { prefix: SCRATCH_PREFIX(database) },
    format: 'JSONEachRow',
  });
  return (await rs.json<{ name: string }>()).map((r) => r.name).filter((n) => /^\d+$/.test(n.slice(SCRATCH_PREFIX(database).length)));
}

/** Atomic swap of two tables' contents (names stay). */
async function swap(client: ClickHouseClient, live: string, fresh: string, onCluster: string): Promise<'exchange' | 'rename'> {
  try {
    await client.command({ query: `EXCHANGE TABLES ${live} AND ${fresh}${onCluster}` });
    return 'exchange';
  } catch (err) {
    // EXCHANGE needs an Atomic (or Replicated) database and renameat2; older/Ordinary setups fall back to a
    // three-way RENAME (one statement; a reader may see "table doesn't exist" for an instant).
    if (!/EXCHANGE|NOT_IMPLEMENTED|SUPPORT_IS_DISABLED|renameat2|UNKNOWN_DATABASE_ENGINE/i.test(message(err))) throw err;
    const parked = `${fresh}_old`;
    await client.command({ query: `RENAME TABLE ${live} TO ${parked}, ${fresh} TO ${live}, ${parked} TO ${fresh}${onCluster}` });
    return 'rename';
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
