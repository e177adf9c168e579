/**
 * What the operations features of issue 13 cost a decision, side by side in one run (variants interleaved round by
 * round, so a neighbour's load on the shared machine hits all of them alike):
 *   before        the app of another checkout (`--before <dir>`: e.g. `git worktree add /tmp/before <commit>` with
 *                 node_modules linked), i.e. without metrics, limits or tracing code
 *   limits-off    this app, LEDGER_RATE_LIMIT_PRINCIPAL=0 and LEDGER_RATE_LIMIT_ADDRESS=0 (metrics still on)
 *   defaults      this app as shipped (metrics, both limits), scraped every second like a busy Prometheus
 *   tracing       defaults + OTEL_EXPORTER_OTLP_ENDPOINT (a local sink that accepts and discards the spans)
 * Load: `--requests` × POST /items/:id/reprioritize, random item and position on a 1,000-item backlog, autocannon
 * with 10 connections, from one principal and one address, like bench/http-decisions. The figure that matters is the
 * app's CPU time per decision (utime + stime of its process over the run, from /proc): on a machine shared with other
 * work, throughput and latency mostly measure the neighbours, CPU time per request much less so. Boot time
 * (spawn → listening) shows what loading the OpenTelemetry SDK costs at start.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/ops-overhead.bench.ts [--before <dir>] [--requests 3000] [--rounds 3]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_JWT_SECRET, procCpuMs, startLedgerApp, startServer, type ServerProcess } from './lib/app-process';
import { benchToken, pool, requestJson } from './lib/http';
import { runAutocannon, type LoadResult } from './lib/load';
import { log } from './lib/progress';
import { RATIONALE } from './http-decisions.bench';

interface Variant {
  name: string;
  start(dataDir: string): Promise<ServerProcess>;
  scrape?: boolean;
}

const METRICS_TOKEN = 'bench-metrics-token-0123456789';

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const requests = Number(arg('--requests') ?? 3000);
  const rounds = Number(arg('--rounds') ?? 3);
  const before = arg('--before');
  const sink = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;

  const variants: Variant[] = [
    ...(before
      ? [{ name: 'before', start: (dataDir: string) => startBefore(resolve(before), dataDir) }]
      : []),
    { name: 'limits-off', start: (dataDir) => startLedgerApp({ dataDir, label: 'limits-off', env: { LEDGER_RATE_LIMIT_PRINCIPAL: '0', LEDGER_RATE_LIMIT_ADDRESS: '0' } }) },
    { name: 'defaults', scrape: true, start: (dataDir) => startLedgerApp({ dataDir, label: 'defaults', env: { LEDGER_METRICS_TOKEN: METRICS_TOKEN } }) },
    {
      name: 'tracing',
      scrape: true,
      start: (dataDir) => startLedgerApp({ dataDir, label: 'tracing', env: { LEDGER_METRICS_TOKEN: METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl } }),
    },
  ];
  const root = mkdtempSync(join(tmpdir(), 'bench-ops-'));
  const results: Record<string, { boot_ms: number[]; runs: (LoadResult & { cpu_ms_per_decision: number })[] }> = {};
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const v of variants) {
        const dataDir = join(root, `${v.name}-${round}`);
        mkdirSync(dataDir);
        const app = await v.start(dataDir);
        try {
          const run = await load(app, requests, v.scrape === true);
          (results[v.name] ??= { boot_ms: [], runs: [] }).boot_ms.push(Math.round(app.bootMs));
          results[v.name].runs.push(run);
          log(
            `round ${round} ${v.name}: ${run.cpu_ms_per_decision} CPU ms/decision, ${run.ok_per_s} decisions/s, p50 ${run.latency_p50_ms} ms, ` +
              `p99 ${run.latency_p99_ms} ms, boot ${Math.round(app.bootMs)} ms ${JSON.stringify(run.status_counts)}`,
          );
        } finally {
          await app.stop();
        }
      }
    }
  } finally {
    sink.close();
    rmSync(root, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      {
        cpu_ms_per_decision: median(r.runs.map((x) => x.cpu_ms_per_decision)),
        decisions_per_s: median(r.runs.map((x) => x.ok_per_s)),
        p50_ms: median(r.runs.map((x) => x.latency_p50_ms)),
        p99_ms: median(r.runs.map((x) => x.latency_p99_ms)),
        boot_ms: median(r.boot_ms),
        runs: r.runs.map((x) => ({ cpu_ms: x.cpu_ms_per_decision, per_s: x.ok_per_s, p50: x.latency_p50_ms, p99: x.latency_p99_ms, status: x.status_counts })),
      },
    ]),
  );
  process.stdout.write(JSON.stringify({ requests, rounds, connections: 10, items: 1000, summary }, null, 2) + '\n');
}

/** The same seed and load as bench/http-decisions, smaller: 1,000 items, then `amount` reprioritizations. */
async function load(app: ServerProcess, amount: number, scrape: boolean): Promise<LoadResult & { cpu_ms_per_decision: number }> {
  const url = app.url;
  const token = await benchToken('product-leader');
  const created = await requestJson(url, 'POST', '/backlogs', { token, body: { name: 'Bench', productGoal: 'Measure what operations cost per decision.' } });
  const backlogId = created.body.id as string;
  const ids: string[] = [];
  await pool(1000, 32, async (i) => {
    const res = await requestJson(url, 'POST', `/backlogs/${backlogId}/items`, { token, body: { title: `Item ${i}`, kind: 'story', rationale: RATIONALE } });
    if (res.status !== 201) throw new Error(`seed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  });
  const scraper = scrape
    ? setInterval(() => void fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text()), 1000)
    : null;
  try {
    const cpuBefore = procCpuMs(app.pid);
    const run = await runAutocannon('reprioritize', {
      url,
      connections: 10,
      duration: 600,
      amount,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/items/${ids[Math.floor(Math.random() * ids.length)]}/reprioritize`,
            body: JSON.stringify({ toPosition: 1 + Math.floor(Math.random() * 1000), rationale: RATIONALE }),
          }),
        },
      ],
    });
    return { ...run, cpu_ms_per_decision: Math.round(((procCpuMs(app.pid) - cpuBefore) / run.requests) * 1000) / 1000 };
  } finally {
    if (scraper) clearInterval(scraper);
  }
}

/** The app of another checkout, run from its own directory (its tsconfig paths). */
function startBefore(root: string, dataDir: string): Promise<ServerProcess> {
  return startServer({
    entry: join(root, 'apps/api/src/main.ts'),
    cwd: root,
    label: 'before',
    env: { PORT: '0', LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' },
  });
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
