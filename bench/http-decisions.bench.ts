/**
 * Decisions over HTTP against the real app in a child process (SQLite store, read model, JWT auth,
 * validation, problem+json — everything `npm start` runs).
 *   seed: one backlog + N items through POST /backlogs/:id/items (32 in flight)
 *   (i)   max throughput: autocannon, 50 connections, POST /items/:id/reprioritize, random item and toPosition
 *   (ii)  fixed rate 1,000/s: autocannon overallRate, and a paced open-loop generator (latency from scheduled send)
 *   (iii) mix: 70% reprioritize, 20% estimate, 10% kill / revive (a killed item is revived later)
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startLedgerApp, treeCpuMs } from './lib/app-process';
import { benchToken, health, pool, requestJson, waitAnalyticsCaughtUp, waitCaughtUp } from './lib/http';
import { runAutocannon, runPaced, type AcRequest, type LoadResult, type PacedResult } from './lib/load';
import { counter, fmt, log } from './lib/progress';
import { round } from './lib/stats';

export const RATIONALE = 'Customer interviews point to onboarding friction; revisit the order.';

export interface HttpDecisionsOptions {
  dir: string;
  items: number;
  seedConcurrency: number;
  connections: number;
  warmupSeconds: number;
  throughputSeconds: number;
  fixedRate: number;
  fixedRateSeconds: number;
  mixSeconds: number;
  /** Paced runs at 25/50/75 % of the measured max throughput, this long each (0 = skip). */
  sweepSeconds: number;
  /** false: skip (ii-a), autocannon's bursty overallRate (the paced run (ii-b) is the one that counts). */
  autocannonFixedRate?: boolean;
  /** node flags for the app child, e.g. ['--cpu-prof', …]. */
  nodeArgs?: string[];
  /** Called with each measured phase's monotonic window (for cutting a CPU profile). */
  onPhase?: (name: string, fromNs: bigint, toNs: bigint) => void;
  /** Source tree the app runs from (a baseline export for side-by-side runs); default this one. */
  root?: string;
  /** Data dir under `<dir>/<label>`. */
  label?: string;
  /** Extra environment for the app (e.g. the number of API processes). */
  env?: Record<string, string>;
}

type Codes = Record<string, number>;
const bump = (m: Codes, k: string) => (m[k] = (m[k] ?? 0) + 1);

function problemCode(status: number, body: string): string {
  try {
    const code = (JSON.parse(body) as { code?: string }).code;
    return `${status} ${code ?? '?'}`;
  } catch {
    return `${status}`;
  }
}

export async function benchHttpDecisions(o: HttpDecisionsOptions) {
  const dataDir = join(o.dir, o.label ?? 'http-decisions');
  mkdirSync(dataDir, { recursive: true });
  log(`http-decisions: starting the app (child process, data in ${dataDir})`);
  const app = await startLedgerApp({ dataDir, label: 'app', nodeArgs: o.nodeArgs, root: o.root, env: o.env });
  log(`http-decisions: app up at ${app.url} (pid ${app.pid}) after ${Math.round(app.bootMs)} ms`);
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const from = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      o.onPhase?.(name, from, process.hrtime.bigint());
    }
  };
  try {
    const token = await benchToken('product-leader');
    const created = await requestJson(app.url, 'POST', '/backlogs', {
      token,
      body: { name: 'Bench backlog', productGoal: 'Measure how fast decisions land in the ledger.', rationale: RATIONALE },
    });
    if (created.status !== 201) throw new Error(`create backlog: ${created.status} ${JSON.stringify(created.body)}`);
    const backlogId = created.body.id as string;

    // ---- seed
    const ids: string[] = new Array(o.items);
    const seedFailures: Codes = {};
    const progress = counter(`seeding ${fmt(o.items)} items (${o.seedConcurrency} in flight)`, o.items, 2000);
    const seedT0 = process.hrtime.bigint();
    await phase('seed', () =>
      pool(
        o.items,
        o.seedConcurrency,
        async (i) => {
          for (let attempt = 1; ; attempt++) {
            const res = await requestJson(app.url, 'POST', `/backlogs/${backlogId}/items`, {
              token,
              body: { title: `Bench item ${i + 1}`, kind: 'story', rationale: RATIONALE },
            });
            if (res.status === 201) {
              ids[i] = res.body.id;
              return;
            }
            bump(seedFailures, `${res.status} ${res.body?.code ?? ''}`);
            if (attempt >= 5) throw new Error(`seeding item ${i}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        },
        progress,
      ),
    );
    const seedSeconds = Number(process.hrtime.bigint() - seedT0) / 1e9;
    await waitCaughtUp(app.url, { timeoutMs: 60_000 });
    const ranked = await requestJson(app.url, 'GET', `/backlogs/${backlogId}/items?limit=1`, { token });
    log(`http-decisions: seeded ${fmt(o.items)} items in ${seedSeconds.toFixed(1)} s (${Math.round(o.items / seedSeconds)}/s); backlog total ${ranked.body.total}`);

    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const randomId = () => ids[Math.floor(Math.random() * ids.length)];
    const randomPos = (max: number) => 1 + Math.floor(Math.random() * max);
    const reprioritizeBody = (max: number) => JSON.stringify({ toPosition: randomPos(max), rationale: RATIONALE });

    const problems: Codes = {};
    const reprioritize: AcRequest = {
      method: 'POST',
      setupRequest: (req) => ({ ...req, path: `/items/${randomId()}/reprioritize`, body: reprioritizeBody(o.items) }),
      onResponse: (status, body) => {
        if (status >= 300) bump(problems, problemCode(status, body));
      },
    };

    // ---- warm-up (JIT, SQLite page cache); not reported
    log(`http-decisions: warm-up ${o.warmupSeconds} s`);
    await runAutocannon('warm-up', { url: app.url, connections: o.connections, duration: o.warmupSeconds, headers, requests: [reprioritize] });
    for (const k of Object.keys(problems)) delete problems[k];

    // ---- (i) max throughput
    log(`http-decisions: (i) max throughput — autocannon ${o.connections} connections × ${o.throughputSeconds} s, POST /items/:id/reprioritize`);
    await waitCaughtUp(app.url, { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 300)); // let the warm-up's last in-flight requests land
    const headBefore = (await requestJson(app.url, 'GET', '/health')).body.eventStore.headPosition as number;
    const cpuBefore = treeCpuMs(app.pid);
    const throughput = await phase('throughput', () =>
      runAutocannon('max throughput', {
        url: app.url,
        connections: o.connections,
        duration: o.throughputSeconds,
        headers,
        requests: [reprioritize],
      }),
    );
    // CPU the app (all its processes and threads) spent per decision: steadier than rates on a shared machine.
    const cpuPerDecisionMs = throughput.ok_2xx > 0 ? round((treeCpuMs(app.pid) - cpuBefore) / throughput.ok_2xx, 3) : null;
    const afterThroughput = await health(app.url);
    const headAfter = afterThroughput.head;
    if (afterThroughput.analytics) log(`http-decisions: analytics projection ${fmt(afterThroughput.analytics.lagEvents)} events behind right after the run`);
    const throughputProblems = { ...problems };
    for (const k of Object.keys(problems)) delete problems[k];
    log(
      `http-decisions: (i) ${fmt(throughput.ok_per_s)} decisions/s, p50 ${throughput.latency_p50_ms} ms, p99 ${throughput.latency_p99_ms} ms, non-2xx ${JSON.stringify(throughputProblems)}`,
    );

    // ---- (ii) fixed rate, autocannon overallRate
    await waitCaughtUp(app.url, { timeoutMs: 60_000 });
    if (o.autocannonFixedRate !== false) log(`http-decisions: (ii-a) fixed rate ${fmt(o.fixedRate)}/s × ${o.fixedRateSeconds} s with autocannon overallRate (${o.connections} connections)`);
    const fixedAc = o.autocannonFixedRate === false ? null : await phase('fixed-rate-autocannon', () =>
      runAutocannon('fixed rate (autocannon)', {
        url: app.url,
        connections: o.connections,
        duration: o.fixedRateSeconds,
        headers,
        overallRate: o.fixedRate,
        // autocannon's correction assumes an interval of ceil(1/rate) = 1 ms per connection (not
        // connections/rate), which would pad the histogram with synthetic sub-ms samples: report raw.
        ignoreCoordinatedOmission: true,
        requests: [reprioritize],
      }),
    );
    const fixedAcProblems = { ...problems };
    for (const k of Object.keys(problems)) delete problems[k];
    if (fixedAc) log(`http-decisions: (ii-a) p50 ${fixedAc.latency_p50_ms} ms, p99 ${fixedAc.latency_p99_ms} ms, max ${fixedAc.latency_max_ms} ms, achieved ${fmt(fixedAc.ok_per_s)}/s`);

    // ---- (ii) fixed rate, paced open loop
    await waitCaughtUp(app.url, { timeoutMs: 60_000 });
    log(`http-decisions: (ii-b) fixed rate ${fmt(o.fixedRate)}/s × ${o.fixedRateSeconds} s, paced open loop (one request every ${1000 / o.fixedRate} ms)`);
    const pacedProblems: Codes = {};
    const fixedPaced: PacedResult = await phase('fixed-rate-paced', () =>
      runPaced('fixed rate (paced)', {
        baseUrl: app.url,
        rate: o.fixedRate,
        seconds: o.fixedRateSeconds,
        headers,
        next: () => ({ method: 'POST', path: `/items/${randomId()}/reprioritize`, body: reprioritizeBody(o.items) }),
        onResponse: (_i, status, body) => {
          if (status >= 300) bump(pacedProblems, problemCode(status, body));
        },
      }),
    );
    log(
      `http-decisions: (ii-b) p50 ${fixedPaced.latency.p50_ms} ms, p99 ${fixedPaced.latency.p99_ms} ms, max ${fixedPaced.latency.max_ms} ms, achieved ${fmt(fixedPaced.achieved_per_s)}/s` +
        (fixedPaced.saturated ? ` — SATURATED: stopped scheduling after ${fixedPaced.stopped_after_s} s` : ''),
    );

    // ---- latency at rates this app sustains: 25/50/75 % of the measured max throughput
    const sweep: (PacedResult & { fraction_of_max: number; problems: Codes })[] = [];
    if (o.sweepSeconds > 0) {
      for (const fraction of [0.25, 0.5, 0.75]) {
        const rate = Math.max(10, Math.round((throughput.ok_per_s * fraction) / 10) * 10);
        await waitCaughtUp(app.url, { timeoutMs: 60_000 });
        log(`http-decisions: (ii-c) paced ${fmt(rate)}/s (${fraction * 100}% of max) × ${o.sweepSeconds} s`);
        const codes: Codes = {};
        const r = await phase(`paced-${fraction * 100}pct`, () =>
          runPaced(`paced ${rate}/s`, {
            baseUrl: app.url,
            rate,
            seconds: o.sweepSeconds,
            headers,
            next: () => ({ method: 'POST', path: `/items/${randomId()}/reprioritize`, body: reprioritizeBody(o.items) }),
            onResponse: (_i, status, body) => {
              if (status >= 300) bump(codes, problemCode(status, body));
            },
          }),
        );
        sweep.push({ ...r, fraction_of_max: fraction, problems: codes });
        log(`http-decisions: (ii-c) ${fmt(rate)}/s: p50 ${r.latency.p50_ms} ms, p99 ${r.latency.p99_ms} ms, max ${r.latency.max_ms} ms${r.saturated ? ' — SATURATED' : ''}`);
      }
    }

    // ---- (iii) mix
    let mix: (LoadResult & { ops: Record<string, number>; problems: Record<string, Codes> }) | null = null;
    if (o.mixSeconds > 0) {
      await waitCaughtUp(app.url, { timeoutMs: 60_000 });
      log(`http-decisions: (iii) mix 70% reprioritize / 20% estimate / 10% kill-or-revive, ${o.connections} connections × ${o.mixSeconds} s`);
      const busy = new Set<string>(); // killed or in a kill/revive transition: not picked for other decisions
      const killed: string[] = [];
      const ops: Record<string, number> = {};
      const mixProblems: Record<string, Codes> = {};
      const free = () => {
        for (;;) {
          const id = randomId();
          if (!busy.has(id)) return id;
        }
      };
      const maxPos = o.items - 200; // a few items are out of the ranking at any time
      const mixed: AcRequest = {
        method: 'POST',
        setupRequest: (req, ctx) => {
          const r = Math.random();
          let op: string;
          let id: string;
          let body: unknown;
          if (r < 0.7) {
            op = 'reprioritize';
            id = free();
            body = { toPosition: randomPos(maxPos), rationale: RATIONALE };
          } else if (r < 0.9) {
            op = 'estimate';
            id = free();
            body = { estimate: randomPos(1000), rationale: RATIONALE };
          } else if (killed.length > 0) {
            op = 'revive';
            id = killed.shift()!;
            body = { toPosition: randomPos(maxPos), rationale: RATIONALE };
          } else {
            op = 'kill';
            id = free();
            busy.add(id);
            body = { reason: 'No longer fits the product goal after the last review.' };
          }
          ctx.op = op;
          ctx.id = id;
          bump(ops, op);
          return { ...req, path: `/items/${id}/${op}`, body: JSON.stringify(body) };
        },
        onResponse: (status, body, ctx) => {
          const op = String(ctx.op);
          const id = String(ctx.id);
          if (op === 'kill') {
            if (status === 200) killed.push(id);
            else busy.delete(id);
          } else if (op === 'revive' && status === 200) {
            busy.delete(id);
          }
          if (status >= 300) bump((mixProblems[op] ??= {}), problemCode(status, body));
        },
      };
      const r = await phase('mix', () =>
        runAutocannon('mix', { url: app.url, connections: o.connections, duration: o.mixSeconds, headers, requests: [mixed] }),
      );
      mix = { ...r, ops, problems: mixProblems };
      log(`http-decisions: (iii) ${fmt(r.ok_per_s)} decisions/s, p50 ${r.latency_p50_ms} ms, p99 ${r.latency_p99_ms} ms`);
    }

    await waitCaughtUp(app.url, { timeoutMs: 60_000 });
    const endHealth = await health(app.url);
    let analyticsDrain: { lag_events_at_end: number; drain_ms: number; caught_up: boolean } | null = null;
    if (endHealth.analytics) {
      log(`http-decisions: waiting for the analytics projection (${fmt(endHealth.analytics.lagEvents)} events behind)`);
      const w = await waitAnalyticsCaughtUp(app.url, { timeoutMs: 120_000 });
      if (w) analyticsDrain = { lag_events_at_end: endHealth.analytics.lagEvents, drain_ms: w.ms, caught_up: w.caughtUp };
    }
    return {
      app_boot_ms: Math.round(app.bootMs),
      items: o.items,
      seed: {
        concurrency: o.seedConcurrency,
        seconds: round(seedSeconds),
        items_per_s: Math.round(o.items / seedSeconds),
        retried: seedFailures,
      },
      throughput: {
        ...throughput,
        decisions_per_s: throughput.ok_per_s,
        app_cpu_ms_per_decision: cpuPerDecisionMs,
        events_appended: headAfter - headBefore,
        problems: throughputProblems,
        no_change_409: throughputProblems['409 ITEM.NO_CHANGE'] ?? 0,
      },
      fixed_rate_autocannon: fixedAc ? { target_per_s: o.fixedRate, ...fixedAc, problems: fixedAcProblems } : null,
      fixed_rate_paced: { ...fixedPaced, problems: pacedProblems },
      paced_sweep: sweep,
      mix,
      final_head_position: endHealth.head,
      analytics_lag_events_after_throughput: afterThroughput.analytics?.lagEvents ?? null,
      analytics_at_end: analyticsDrain,
    };
  } finally {
    log('http-decisions: stopping the app (SIGTERM)');
    const code = await app.stop();
    if (code !== 0) log(`http-decisions: app exited with code ${code}\n${app.tail()}`);
  }
}
