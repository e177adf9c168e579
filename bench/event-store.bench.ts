/**
 * Durable append throughput of the SQLite event store (WAL; an append settles after an fsync of the WAL, ADR 0031).
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/event-store.bench.ts [events]
 * (a) serial: one writer awaiting each 1-event append; (b) 32 concurrent writers, each a loop of
 * awaited 1-event appends to its own stream (group commit batches them).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';

/**
 * The same benchmark in a child process whose `@ledger/*` imports resolve in `root` (this tree, or a baseline
 * export: tsconfig-paths resolves from the child's working directory), so two versions of the store are
 * measured by the same code in one run.
 */
export function benchEventStoreIn(root: string, opts: { dir: string; events?: number }): Promise<Record<string, number | string>> {
  mkdirSync(opts.dir, { recursive: true });
  const args = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', __filename, '--dir', opts.dir, String(opts.events ?? 64_000)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`event-store bench in ${root} failed: ${err.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`event-store bench in ${root}: unreadable output ${stdout.slice(0, 300)}\n${stderr}`));
      }
    });
  });
}

export async function benchEventStore(opts: { dir: string; events?: number }): Promise<Record<string, number | string>> {
  const events = opts.events ?? 64_000;
  const serialEvents = Math.max(1, Math.floor(events / 16)); // one fsync per event: keep the serial run short
  const serial = await run(join(opts.dir, 'serial.db'), 1, serialEvents);
  const concurrent = await run(join(opts.dir, 'concurrent.db'), 32, events);
  const floor = rawFloor(join(opts.dir, 'raw.db'), events);
  return {
    store_module: require.resolve('@ledger/event-store'),
    serial_events: serial.events,
    serial_events_per_s: serial.eventsPerSecond,
    serial_commits: serial.commits,
    serial_p50_ms: serial.p50,
    serial_p99_ms: serial.p99,
    concurrent32_events: concurrent.events,
    concurrent32_events_per_s: concurrent.eventsPerSecond,
    concurrent32_commits: concurrent.commits,
    concurrent32_avg_events_per_commit: concurrent.eventsPerCommit,
    concurrent32_p50_ms: concurrent.p50,
    concurrent32_p99_ms: concurrent.p99,
    raw_sqlite_32_per_commit_events_per_s: floor.full,
    raw_sqlite_32_per_commit_no_fsync_events_per_s: floor.noSync,
  };
}

/**
 * What SQLite itself does with the store's table and indexes when each transaction carries 32 one-event rows of
 * 32 streams (what 32 writers that each await their append can give a commit): plain INSERTs of prepared rows, no
 * checks, no hashing, no JavaScript around them; WAL with synchronous=FULL (one fsync per commit), and without any
 * fsync. An upper bound for the store's 32-writer figure on this disk.
 */
function rawFloor(file: string, events: number): { full: number; noSync: number } {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const out = { full: 0, noSync: 0 };
  for (const [key, sync] of [['full', 'FULL'], ['noSync', 'OFF']] as const) {
    const db = new Database(`${file}-${key}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${sync}`);
    db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      recorded_at TEXT NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL, UNIQUE (stream_id, revision))`);
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const streams = Array.from({ length: 32 }, (_, w) => `bench-${w}-${randomUUID()}`);
    const e = benchEvent(0, 0);
    const data = JSON.stringify(e.data);
    const meta = JSON.stringify(e.metadata);
    const hash = 'h'.repeat(64);
    const now = new Date().toISOString();
    let position = 0;
    let revision = 0;
    const commit = db.transaction((ids: string[]) => {
      for (let w = 0; w < 32; w++) insert.run(++position, ids[w], streams[w], revision, e.type, 1, data, meta, now, hash, hash);
      revision += 1;
    });
    const commits = Math.ceil(events / 32);
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < commits; c++) commit.immediate(Array.from({ length: 32 }, () => randomUUID()));
    out[key] = Math.round((commits * 32) / (Number(process.hrtime.bigint() - t0) / 1e9));
    db.close();
  }
  return out;
}

async function run(file: string, writers: number, total: number) {
  const store = SqliteEventStore.open({ file });
  const perWriter = Math.ceil(total / writers);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const streamId = `bench-${w}-${randomUUID()}`;
      for (let revision = 0; revision < perWriter; revision++) {
        const t0 = process.hrtime.bigint();
        await store.append(streamId, [benchEvent(w, revision)], revision === 0 ? 'no-stream' : revision - 1);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { commits, events } = store.stats();
  const report = await store.verify();
  await store.close();
  if (!report.ok || report.eventsChecked !== events) throw new Error(`bench store does not verify: ${JSON.stringify(report)}`);

  latencies.sort((a, b) => a - b);
  return {
    events,
    commits,
    eventsPerSecond: Math.round(events / seconds),
    eventsPerCommit: round(events / commits),
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
  };
}

function benchEvent(writer: number, n: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'item.prioritised',
    schemaVersion: 1,
    data: { itemId: `item-${writer}`, rank: n, rationale: 'Customer interviews point to onboarding friction.' },
    metadata: {
      actor: { id: `user-${writer}`, role: 'product-owner' },
      correlationId: randomUUID(),
      causationId: null,
      requestId: randomUUID(),
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (require.main === module) {
  // [--dir <dir>] [events]; without --dir a temp dir that is deleted afterwards.
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--dir');
  const given = at >= 0 ? argv.splice(at, 2)[1] : undefined;
  const dir = given ?? mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const events = argv[0] ? Number(argv[0]) : undefined;
  benchEventStore({ dir, events })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .finally(() => rmSync(dir, { recursive: true, force: true }))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
