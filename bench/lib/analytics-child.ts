/**
 * Child process of the analytics benchmark (chDB is one embedded engine per process, and the app needs the
 * same analytics directory afterwards, so the rebuild and the live projector run here, not in the runner).
 *   argv[2]: JSON { dataDir, lagRate, lagSeconds, warmupSeconds }
 *   1. rebuild: rebuildProjection over the seeded store (scratch DB + EXCHANGE TABLES), as
 *      `npm run ledger -- projections rebuild` does;
 *   2. lag: the live projector exactly as the embedded app configures it (AnalyticsProjector over
 *      EventStoreSource, default batch/flush), while this process appends VALID decisions to a fresh backlog at
 *      a steady rate through the store's append path (one commit per 10 ms tick). Per event: lag = the instant
 *      the projector's checkpoint covers its position − the instant its append commit resolved (checkpoint
 *      polled every 2 ms; waitFor() is not used because it makes the projector flush early).
 * Progress on stderr; the result as one line `RESULT <json>` on stdout.
 */
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { AnalyticsProjector, createAnalyticsClient, EventStoreSource, rebuildProjection } from '@ledger/analytics';
import { loadConfig } from '../../apps/api/src/config/config';
import { History } from '../../libs/analytics/src/testing/history';
import { BENCH_JWT_SECRET } from './app-process';
import { round, summarize } from './stats';

const DAY = 86_400_000;
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const log = (msg: string) => process.stderr.write(`  [analytics-child] ${msg}\n`);

interface ChildArgs {
  dataDir: string;
  lagRate: number;
  lagSeconds: number;
  warmupSeconds: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]) as ChildArgs;
  const config = loadConfig({ LEDGER_DATA_DIR: args.dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'silent', PORT: '0' });
  if (config.analytics.kind !== 'chdb') throw new Error('the analytics bench runs on embedded chDB');
  const database = config.analytics.database;
  const client = createAnalyticsClient(config.analytics);
  if (config.eventStore.kind !== 'sqlite') throw new Error('the analytics bench seeds the embedded SQLite store');
  const store = SqliteEventStore.open({ file: config.eventStore.file });
  const result: Record<string, unknown> = {};
  try {
    // ---------------------------------------------------------------- rebuild
    const head = await store.headPosition();
    log(`rebuild: ${head.toLocaleString('en-US')} events`);
    const loadBefore = load();
    let lastLog = 0;
    const rebuilt = await rebuildProjection({
      client,
      database,
      store,
      onProgress: (p) => {
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          log(`rebuild ${p.phase}: ${p.position.toLocaleString('en-US')}/${p.head.toLocaleString('en-US')} (${Math.round((p.events * 1000) / Math.max(1, p.elapsedMs))} events/s; load ${load().join(' ')})`);
        }
      },
    });
    const rows = await client.query({ query: `SELECT count() AS n FROM ${database}.decisions FINAL`, format: 'JSONEachRow' });
    const [{ n }] = await rows.json<{ n: string }>();
    result.rebuild = {
      events: rebuilt.events,
      rows: rebuilt.rows,
      rows_in_table: Number(n),
      seconds: round(rebuilt.elapsedMs / 1000),
      events_per_s: rebuilt.rate,
      switched_with: rebuilt.switchedWith,
      loadavg_before: loadBefore,
      loadavg_after: load(),
    };
    log(`rebuild: ${rebuilt.events} events in ${(rebuilt.elapsedMs / 1000).toFixed(1)} s = ${rebuilt.rate} events/s (load ${load().join(' ')})`);

    // ---------------------------------------------------------------- steady-state lag
    result.lag = await steadyLag(client, database, store, args);
  } finally {
    await store.close();
    await client.close();
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function steadyLag(
  client: ReturnType<typeof createAnalyticsClient>,
  database: string,
  store: SqliteEventStore,
  o: ChildArgs,
) {
  const projector = new AnalyticsProjector({ client, database, source: new EventStoreSource(store) });
  await projector.start();
  const head0 = await store.headPosition();
  while (projector.checkpoint() < head0) await new Promise((r) => setTimeout(r, 50));

  // A fresh backlog, decisions valid for each stream: items added, moved, estimated, linked, started, delivered.
  const start = new Date();
  const h = new History(randomUUID(), start);
  const open: string[] = [];
  const started = new Set<string>();
  let objective = '';
  let rnd = 0x9e3779b9;
  const next = () => {
    rnd = (Math.imul(rnd ^ (rnd >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return rnd / 4294967296;
  };
  const produce = (): RecordedEvent[] => {
    const day = (Date.now() - start.getTime()) / DAY;
    if (h.events.length === 0 && open.length === 0 && !objective) {
      h.created(day);
      objective = h.objective(day);
    } else {
      const r = next();
      const pickOpen = () => open[Math.floor(next() * open.length)];
      if (r < 0.2 || open.length < 20) open.push(h.add(day, { estimate: next() < 0.6 ? 1 + Math.floor(next() * 13) : undefined, position: open.length + 1 }));
      else if (r < 0.65) {
        const from = 1 + Math.floor(next() * open.length);
        let to = 1 + Math.floor(next() * open.length);
        if (to === from) to = from === 1 ? 2 : from - 1;
        const [id] = open.splice(from - 1, 1);
        open.splice(to - 1, 0, id);
        h.move(day, id, from, to);
      } else if (r < 0.8) h.estimate(day, pickOpen(), 1 + Math.floor(next() * 13));
      else if (r < 0.85) h.link(day, pickOpen(), objective);
      else if (r < 0.9) h.killCriteria(day, pickOpen(), h.at(day + 45).slice(0, 10));
      else if (r < 0.95) {
        const id = pickOpen();
        if (started.has(id)) h.estimate(day, id, 5);
        else {
          started.add(id);
          h.startWork(day, id);
        }
      } else if (started.size > 0) {
        const id = started.values().next().value as string;
        started.delete(id);
        open.splice(open.indexOf(id), 1);
        h.deliver(day, id);
      } else h.estimate(day, pickOpen(), 3);
    }
    const out = h.events.slice();
    h.events.length = 0;
    return out;
  };

  const committed: { position: number; t: number }[] = [];
  const lags: number[] = [];
  let covered = 0;
  let outOfOrder = 0;
  let lastPosition = 0;
  const poll = setInterval(() => {
    const cp = projector.checkpoint();
    const now = performance.now();
    while (covered < committed.length && committed[covered].position <= cp) {
      lags.push(now - committed[covered].t);
      covered += 1;
    }
  }, 2);

  const run = async (seconds: number, measure: boolean) => {
    const total = Math.round(o.lagRate * seconds);
    let sent = 0;
    let failed = 0;
    const appends: Promise<unknown>[] = [];
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) * o.lagRate) / 1000));
        while (sent < due) {
          for (const e of produce()) {
            sent += 1;
            const p = store
              .append(e.streamId, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.revision === 0 ? 'no-stream' : e.revision - 1)
              .then((res) => {
                if (!measure) return;
                if (res.position < lastPosition) outOfOrder += 1;
                lastPosition = Math.max(lastPosition, res.position);
                committed.push({ position: res.position, t: performance.now() });
              })
              .catch((err) => {
                failed += 1;
                if (failed <= 3) log(`append failed: ${String(err)}`);
              });
            appends.push(p);
          }
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 10);
    });
    await Promise.all(appends);
    return { sent, failed, seconds: (performance.now() - t0) / 1000 };
  };

  log(`lag: warm-up ${o.warmupSeconds} s at ${o.lagRate} events/s`);
  await run(o.warmupSeconds, false);
  log(`lag: measuring ${o.lagSeconds} s at ${o.lagRate} events/s (load ${load().join(' ')})`);
  const loadBefore = load();
  const ticker = setInterval(() => {
    const s = projector.status();
    log(`lag: ${committed.length} committed, ${covered} covered; projector ${s.lag.events} events / ${s.lag.seconds.toFixed(2)} s behind`);
  }, 10_000);
  const sent = await run(o.lagSeconds, true);
  clearInterval(ticker);
  const deadline = Date.now() + 120_000;
  while (covered < committed.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  clearInterval(poll);
  await projector.stop();
  const sum = summarize(lags);
  log(`lag: p50 ${sum.p50_ms} ms, p99 ${sum.p99_ms} ms, max ${sum.max_ms} ms over ${sum.n} events (load ${load().join(' ')})`);
  return {
    rate_target_per_s: o.lagRate,
    achieved_per_s: Math.round(sent.sent / sent.seconds),
    events: sent.sent,
    failed_appends: sent.failed,
    not_covered_after_120s: committed.length - covered,
    out_of_order_commits: outOfOrder,
    lag_ms: sum,
    loadavg_before: loadBefore,
    loadavg_after: load(),
  };
}

main().catch((e) => {
  process.stderr.write(`analytics-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
