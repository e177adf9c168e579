/**
 * Analytics at scale (issue 3): 1,000,000 events (10,000,000 with --large).
 *   seed:    a realistic multi-backlog history (bench/lib/analytics-history.ts: the decision mix of
 *            generated-history.ts, 12+ months ending now, seeded PRNG), appended STRAIGHT INTO THE STORE through
 *            SqliteEventStore.append (hash chain, revisions and format as the app writes them; thousands of
 *            appends per commit). Not through the HTTP/command path: that imports ~340–1,000 decisions/s, too
 *            slow to seed millions;
 *   rebuild: `projections rebuild` (rebuildProjection) in a child process: events/s of the full pass;
 *   lag:     the live projector as the embedded app runs it, fed by appends at a steady 1,000 events/s for
 *            60 s (same child): per-event lag from append commit to checkpoint, p50/p99;
 *   metrics: the real app (child process) on the seeded data dir: time to listen, then (its read models catch
 *            up in the background, ADR 0019) time until /health shows the read model caught up; then p50/p95 of
 *            each metrics endpoint over requests spread across backlogs (sequential, one at a time), and of the
 *            portfolio.
 * Each figure carries the load average (1/5/15 min) around it: other sessions share this machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { APP_ENTRY, BENCH_JWT_SECRET, REPO_ROOT, startServer } from './lib/app-process';
import { streamHistory } from './lib/analytics-history';
import { benchToken, requestJson, waitAnalyticsCaughtUp, waitCaughtUp } from './lib/http';
import { fmt, log } from './lib/progress';
import { round, summarize } from './lib/stats';

export interface AnalyticsBenchOptions {
  dir: string;
  events: number;
  backlogs: number;
  days: number;
  seed: number;
  /** Events per store commit while seeding. */
  commitEvents: number;
  lagRate: number;
  lagSeconds: number;
  lagWarmupSeconds: number;
  /** Timed requests per endpoint (after 2 warm-ups), within `budgetSeconds` per endpoint. */
  requests: number;
  portfolioRequests: number;
  budgetSeconds: number;
  nodeArgs?: string[];
  onPhase?: (name: string, fromNs: bigint, toNs: bigint) => void;
  /** Skip seed, rebuild and lag: measure the endpoints on the data dir a `--keep-data` run left (`--metrics-only`). */
  metricsOnly?: boolean;
}

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

class BenchClock implements Clock {
  current = new Date(0);
  now(): Date {
    return new Date(this.current.getTime());
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** Seeds the 1M-event history straight into the store (also used by the web benchmark when its data dir is new). */
export async function seed(file: string, o: Pick<AnalyticsBenchOptions, 'events' | 'backlogs' | 'days' | 'seed' | 'commitEvents'>) {
  const clock = new BenchClock();
  const store = SqliteEventStore.open({ file, clock });
  const t0 = process.hrtime.bigint();
  let appended = 0;
  let lastLog = 0;
  const shape = await streamHistory({ events: o.events, backlogs: o.backlogs, days: o.days, seed: o.seed }, async (events) => {
    for (let i = 0; i < events.length; i += o.commitEvents) {
      const chunk = events.slice(i, i + o.commitEvents);
      // recordedAt ≈ occurredAt: the store's clock follows the simulated time (it keeps recordedAt non-decreasing).
      clock.current = new Date(chunk[chunk.length - 1].recordedAt);
      // Issued in one tick: the store's group commit writes them in one transaction (one fsync).
      await Promise.all(
        chunk.map((e) =>
          store.append(e.streamId, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.revision === 0 ? 'no-stream' : e.revision - 1),
        ),
      );
      appended += chunk.length;
    }
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      log(`analytics: seeded ${fmt(appended)}/${fmt(o.events)} events (${fmt(Math.round(appended / s))}/s; load ${load().join(' ')})`);
    }
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const head = await store.headPosition();
  const stats = store.stats();
  await store.close();
  return { ...shape, head, seconds, commits: stats.commits };
}

/** Runs bench/lib/analytics-child.ts (rebuild + steady lag) and returns its RESULT. */
function runChild(dataDir: string, o: AnalyticsBenchOptions): Promise<Record<string, any>> {
  const args = [
    '--max-semi-space-size=64', // as the rebuild CLI's help recommends for large stores
    ...(o.nodeArgs ?? []),
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    join(REPO_ROOT, 'bench', 'lib', 'analytics-child.ts'),
    JSON.stringify({ dataDir, lagRate: o.lagRate, lagSeconds: o.lagSeconds, warmupSeconds: o.lagWarmupSeconds }),
  ];
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LEDGER_') && !k.startsWith('CLICKHOUSE_') && k !== 'NODE_OPTIONS') env[k] = v;
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => (out += c));
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)));
      else reject(new Error(`analytics child exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

/** The forum index catches up in the scheduler's start pass: wait for it too (it would share the CPU). */
async function waitForumsCaughtUp(url: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  for (let poll = 0; ; poll++) {
    const lag = (await requestJson(url, 'GET', '/health')).body.forums?.lagEvents ?? 0;
    if (lag === 0) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`forum index still ${lag} events behind after ${timeoutMs} ms`);
    if (poll % 12 === 0) log(`analytics: forum index ${fmt(lag)} events behind`); // about once a minute
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

interface Endpoint {
  name: string;
  path: (backlogId: string) => string;
  requests: number;
}

export async function benchAnalytics(o: AnalyticsBenchOptions) {
  const dataDir = join(o.dir, 'analytics');
  mkdirSync(dataDir, { recursive: true });
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const from = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      o.onPhase?.(name, from, process.hrtime.bigint());
    }
  };

  if (o.metricsOnly && !existsSync(join(dataDir, 'events.sqlite'))) {
    throw new Error(`--metrics-only: no store at ${join(dataDir, 'events.sqlite')}; run once with --keep-data <dir> first`);
  }
  let before: { seed: Record<string, unknown>; backlogIds: string[]; rebuild: unknown; lag: unknown; analyticsBytes: number } | undefined;
  if (!o.metricsOnly) {
    // ---------------------------------------------------------------- seed
    log(`analytics: seeding ${fmt(o.events)} events over ${o.backlogs} backlogs, ${o.days} days, straight into the store (${fmt(o.commitEvents)} per commit)`);
    const seedLoad = load();
    const s = await phase('seed', () => seed(join(dataDir, 'events.sqlite'), o));
    const items = s.backlogs.reduce((a, b) => a + b.items, 0);
    log(`analytics: seeded ${fmt(s.head)} events in ${s.seconds.toFixed(1)} s (${fmt(Math.round(s.head / s.seconds))}/s, ${s.commits} commits); ${fmt(items)} items; ${s.start.toISOString()} → ${s.end.toISOString()}`);
    const seedResult = {
      events: s.head,
      backlogs: s.backlogs.length,
      items,
      items_per_backlog_min_max: [Math.min(...s.backlogs.map((b) => b.items)), Math.max(...s.backlogs.map((b) => b.items))],
      history_from: s.start.toISOString(),
      history_to: s.end.toISOString(),
      seconds: round(s.seconds),
      events_per_s: Math.round(s.head / s.seconds),
      commits: s.commits,
      store_bytes: dirBytes(dataDir),
      loadavg_before: seedLoad,
      loadavg_after: load(),
    };

    // ---------------------------------------------------------------- rebuild + lag (child)
    log(`analytics: rebuild, then ${o.lagSeconds} s at ${o.lagRate} events/s with the live projector (child process)`);
    const child = await phase('rebuild+lag', () => runChild(dataDir, o));
    const analyticsBytes = dirBytes(join(dataDir, 'analytics'));
    before = { seed: seedResult, backlogIds: s.backlogs.map((b) => b.backlogId), rebuild: child.rebuild, lag: child.lag, analyticsBytes };
  }

  // ---------------------------------------------------------------- metrics over HTTP
  log('analytics: starting the app on the seeded data dir (it listens at once; its read models catch up in the background)');
  const app = await startServer({
    entry: APP_ENTRY,
    label: 'app',
    nodeArgs: o.nodeArgs,
    bootTimeoutMs: 60 * 60_000,
    // A replica that serves reads: it does not dispatch webhooks (the generator's forum with 28,000 members makes
    // the outbox's catch-up take hours at 10M, and it would share the CPU with the measured queries).
    env: { PORT: '0', LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn', LEDGER_WEBHOOKS_DISPATCH: 'false' },
  });
  try {
    log(`analytics: app up after ${Math.round(app.bootMs)} ms`);
    // The metrics are measured once nothing catches up any more (it would share the CPU with the queries).
    const readModel = await waitCaughtUp(app.url, { timeoutMs: 60 * 60_000, intervalMs: 500 });
    const readModelMs = readModel[readModel.length - 1].ms;
    log(`analytics: read model caught up ${fmt(readModelMs)} ms after listening (at ${fmt(readModel[0].position)}/${fmt(readModel[0].head)} on the first /health)`);
    await waitAnalyticsCaughtUp(app.url, { timeoutMs: 10 * 60_000, intervalMs: 500 });
    await waitForumsCaughtUp(app.url, 60 * 60_000);
    const token = await benchToken('product-leader');
    const backlogIds =
      before?.backlogIds ??
      ((await requestJson(app.url, 'GET', '/analytics/portfolio', { token, timeoutMs: 300_000 })).body.backlogs as Array<{ backlogId: string }>).map((b) => b.backlogId);
    // Backlogs in a fixed shuffled order; each request of an endpoint goes to the next one.
    const order = backlogIds.map((backlogId) => ({ backlogId }));
    let x = o.seed;
    for (let i = order.length - 1; i > 0; i--) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const j = x % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const endpoints: Endpoint[] = [
      { name: 'zombies', path: (b) => `/backlogs/${b}/analytics/zombies`, requests: o.requests },
      { name: 'reversals', path: (b) => `/backlogs/${b}/analytics/reversals`, requests: o.requests },
      { name: 'influence', path: (b) => `/backlogs/${b}/analytics/influence`, requests: o.requests },
      { name: 'health', path: (b) => `/backlogs/${b}/analytics/health`, requests: o.requests },
      { name: 'trend zombies', path: (b) => `/backlogs/${b}/analytics/trend?metric=zombies&every=week`, requests: o.requests },
      { name: 'trend reversal-rate', path: (b) => `/backlogs/${b}/analytics/trend?metric=reversal-rate&every=week`, requests: o.requests },
      { name: 'trend size-in-sprints', path: (b) => `/backlogs/${b}/analytics/trend?metric=size-in-sprints&every=week`, requests: o.requests },
      { name: 'portfolio', path: () => '/analytics/portfolio', requests: o.portfolioRequests },
    ];
    const metrics: Record<string, unknown> = {};
    let cursor = 0;
    for (const ep of endpoints) {
      const one = async (backlogId: string) => {
        const t = process.hrtime.bigint();
        const res = await requestJson(app.url, 'GET', ep.path(backlogId), { token, timeoutMs: 300_000 });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (res.status !== 200) throw new Error(`GET ${ep.path(backlogId)}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        return { ms, bytes: JSON.stringify(res.body).length };
      };
      const loadBefore = load();
      await one(order[cursor++ % order.length].backlogId);
      await one(order[cursor++ % order.length].backlogId);
      const samples: number[] = [];
      let bytes = 0;
      const from = process.hrtime.bigint();
      const deadline = Date.now() + o.budgetSeconds * 1000;
      while (samples.length < ep.requests && Date.now() < deadline) {
        const r = await one(order[cursor++ % order.length].backlogId);
        samples.push(r.ms);
        bytes += r.bytes;
      }
      o.onPhase?.(`metric:${ep.name}`, from, process.hrtime.bigint());
      const sum = summarize(samples);
      metrics[ep.name] = { ...sum, avg_response_bytes: Math.round(bytes / Math.max(1, samples.length)), loadavg_before: loadBefore, loadavg_after: load() };
      log(`analytics: ${ep.name}: p50 ${sum.p50_ms} ms, p95 ${sum.p95_ms} ms, max ${sum.max_ms} ms (n=${sum.n}; load ${load().join(' ')})`);
    }
    return {
      events_target: o.metricsOnly ? '(metrics only, on a kept data dir)' : o.events,
      backlogs: backlogIds.length,
      seed: before?.seed,
      rebuild: before?.rebuild,
      lag: before?.lag,
      analytics_bytes: before?.analyticsBytes ?? dirBytes(join(dataDir, 'analytics')),
      app_boot_ms: Math.round(app.bootMs),
      app_read_model_caught_up_after_listen_ms: readModelMs,
      metrics,
    };
  } finally {
    log('analytics: stopping the app');
    const code = await app.stop(60_000);
    if (code !== 0) log(`analytics: app exited with code ${code}\n${app.tail()}`);
  }
}
