import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import {
  analyticsConfigFromEnv,
  createAnalyticsClient,
  rebuildProjection,
  RebuildError,
  type AnalyticsConfig,
} from '@ledger/analytics';
import { ConfigError, loadConfig, type EventStoreConfig } from '../config/config';

const HELP = `Recomputes the analytics tables from the whole event history into fresh tables, then switches
them over atomically (EXCHANGE TABLES) and drops the old ones. Progress goes to stderr.

  npm run ledger -- projections rebuild [--batch-size 5000]

--batch-size: events per read and per insert, 100..10000 (default 5000). For large stores, more young-generation
space speeds it up ~25%: \`npm run ledger\` runs node with --max-semi-space-size=64.

Reads LEDGER_DATA_DIR (or LEDGER_SQLITE_FILE; EVENTSTORE_URL with LEDGER_EVENT_STORE=eventstoredb) for the
events, CLICKHOUSE_* for the analytics store
(default: chDB under <data dir>/analytics). chDB is embedded in one process at a time: stop the API
first (with CLICKHOUSE_URL the API may keep running).`;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export interface RebuildIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

const processIo: RebuildIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
};

/** `projections rebuild`: resolves to the exit code (0 done, 1 failed, 2 bad usage or configuration). */
export async function projectionsRebuild(argv: string[], io: RebuildIo = processIo): Promise<number> {
  let batchSize: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      io.out(HELP);
      return 0;
    }
    if (argv[i] === '--batch-size') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 100 || n > 10_000) return usageError(io, '--batch-size must be an integer between 100 and 10000');
      batchSize = n;
    } else {
      return usageError(io, `unknown option ${argv[i]}`);
    }
  }

  let storeConfig: EventStoreConfig;
  let analytics: AnalyticsConfig;
  try {
    const config = loadConfig(io.env);
    storeConfig = config.eventStore;
    analytics = analyticsConfigFromEnv(io.env, config.dataDir);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof Error) return usageError(io, e.message);
    throw e;
  }
  if (storeConfig.kind === 'sqlite' && !existsSync(storeConfig.file)) {
    io.err(`projections rebuild: no event store at ${storeConfig.file}. Set LEDGER_DATA_DIR (or LEDGER_SQLITE_FILE) to the ledger's data directory.`);
    return 1;
  }

  let client: ClickHouseClient;
  try {
    client = createAnalyticsClient(analytics);
  } catch (e) {
    io.err(`projections rebuild: ${cannotOpen(analytics, e)}`);
    return 1;
  }
  const store: EventStore =
    storeConfig.kind === 'eventstoredb'
      ? EventStoreDbEventStore.connect({ connectionString: storeConfig.url })
      : SqliteEventStore.open({ file: storeConfig.file });
  const where = analytics.kind === 'chdb' ? `chDB at ${analytics.path}` : `ClickHouse at ${analytics.url}`;
  try {
    const head = await store.headPosition();
    io.err(`rebuilding analytics database "${analytics.database}" (${where}) from ${fmt(head)} events`);
    let lastReport = 0;
    const result = await rebuildProjection({
      client,
      database: analytics.database,
      cluster: analytics.cluster,
      store,
      batchSize,
      log: (line) => io.err(line),
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastReport < 1000 && p.position < p.head) return;
        lastReport = now;
        const rate = p.elapsedMs > 0 ? (p.events / p.elapsedMs) * 1000 : 0;
        const label = p.phase === 'catch-up' ? 'caught up' : 'projected';
        io.err(`${label} ${fmt(p.phase === 'catch-up' ? p.position : p.events)} / ${fmt(Math.max(p.head, p.position))} events (${fmt(rate)}/s)`);
      },
    });
    io.err(
      `done: ${fmt(result.events)} events → ${fmt(result.rows)} decision rows in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
        `(${fmt(result.rate)} events/s); switched over with ${result.switchedWith === 'exchange' ? 'EXCHANGE TABLES' : 'RENAME TABLE'}; ` +
        `checkpoint at position ${fmt(result.position)}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof RebuildError) {
      io.err(`projections rebuild: ${e.message}`);
      io.err(e.liveTouched ? 'Run `npm run ledger -- projections rebuild` again once the cause is fixed.' : 'Nothing changed; fix the cause and run the command again.');
      return 1;
    }
    io.err(`projections rebuild failed: ${e instanceof Error ? e.message : String(e)}`);
    io.err(`Check that the analytics store (${where}) is reachable, then run the command again; the live tables were not switched.`);
    return 1;
  } finally {
    await store.close();
    await client.close().catch(() => undefined);
  }
}

function usageError(io: RebuildIo, message: string): number {
  io.err(`projections rebuild: ${message}\n\n${HELP}`);
  return 2;
}

/** Explains a failure to open the analytics store; for chDB, says who holds its directory. */
export function cannotOpen(analytics: AnalyticsConfig, e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  if (analytics.kind !== 'chdb') return `cannot open ClickHouse at ${analytics.url}: ${reason}`;
  const holder = chdbHolder(analytics.path);
  if (holder !== null) {
    return (
      `the analytics store ${analytics.path} is in use by process ${holder} (most likely the API: chDB is embedded and ` +
      `one process at a time owns its directory). Stop that process, then run the command again.`
    );
  }
  return `cannot open the analytics store ${analytics.path}: ${reason}. If the API is running against this data directory, stop it first.`;
}

/** PID in chDB's `status` file, if that process is alive (the engine keeps the file locked while it runs). */
function chdbHolder(path: string): number | null {
  try {
    const pid = Number(/PID:\s*(\d+)/.exec(readFileSync(join(path, 'status'), 'utf8'))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
