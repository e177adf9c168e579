/**
 * `npm run bench [-- --quick] [--only <name>[,<name>]] [--profile [dir]] [--wait-quiet [seconds]]`
 *
 * Runs the benchmarks in sequence, progress on stderr; on stdout a JSON summary, then Markdown tables.
 * Everything listens on 127.0.0.1; data lives in a temp dir that is deleted at the end.
 *   event-store     raw durable appends (serial, 32 concurrent writers)
 *   http-decisions  the real app in a child process: seed, max throughput, fixed 1,000/s, mix
 *   as-of           100,000 item events: read-model catch-up, GET …/items?at=
 *   backlog-lists   20,000 items (one backlog of 10,000), 3,000 escalations: GET /backlogs, GET /escalations
 *   http-adapter    a minimal Nest app on Fastify vs Express
 *   kafka           distributed tier: relay and projector throughput, end-to-end lag at 1,000/s (real broker)
 *   analytics       1,000,000 events (10,000,000 with --large) over 100+ backlogs: seed the store, rebuild the
 *                   projection, lag at a steady 1,000 events/s, p50/p95 of each metrics endpoint
 *   import          `npm run ledger -- import` of 1,000,000 decisions (bulk, ADR 0027), the one-by-one path on the
 *                   first 20,000 side by side, and a re-run of the same file (all skipped)
 *   web             on the analytics data (+ a 1,000-item backlog, a 500-decision item): time until each screen of
 *                   the web app shows its data in Chromium (cold loads), and the first screen's gzip JavaScript
 * --large: analytics at 10M events. --keep-data <dir>: the analytics data dir goes under <dir> and is kept;
 *   with --metrics-only, a later run measures only the endpoints on it (no seed, rebuild or lag). The web
 *   benchmark uses the same <dir>/analytics (seeding it when it is new).
 * --quick: small sizes (a smoke run, < 60 s). --short: http-decisions with 10 s phases, only max throughput and the
 * paced 1,000/s (for iterating). --wait-quiet [s]: on a shared machine, wait (up to s, default
 * 300) before each benchmark until the CPU is idle. --profile: the app children run with --cpu-prof and the
 * summary gets the self time per area/function of each measured phase (files kept in [dir] if given).
 * --baseline <ref> [--rounds n]: event-store, http-decisions and as-of also run against the code of <ref>
 *   (exported with `git archive` into the temp dir, sharing node_modules), interleaved with this tree in one
 *   run: base, head (round 2: head, base; …), each with the load average and the other processes' CPU
 *   around it, and a side-by-side table of the headline figures.
 * --api-processes n: http-decisions runs this tree's app with LEDGER_API_PROCESSES=n (ADR 0031).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { benchEventStoreIn } from './event-store.bench';
import { benchHttpDecisions } from './http-decisions.bench';
import { benchAsOf } from './as-of.bench';
import { benchBacklogLists } from './backlog-lists.bench';
import { benchHttpAdapter } from './http-adapter.bench';
import { benchKafka } from './kafka.bench';
import { benchAnalytics } from './analytics.bench';
import { benchImport } from './import.bench';
import { benchAccessDirectory } from './access-directory.bench';
import { benchWeb } from './web.bench';
import { childrenCpuMs, killAllChildren, REPO_ROOT } from './lib/app-process';
import { destroyAgent } from './lib/http';
import { summarizeProfile } from './lib/cpuprofile';
import { fmt, log } from './lib/progress';
import { exportBaseline, headTree, type SourceTree } from './lib/baseline';

const NAMES = ['event-store', 'http-decisions', 'as-of', 'backlog-lists', 'http-adapter', 'kafka', 'analytics', 'access-directory', 'web', 'import'] as const;
type Name = (typeof NAMES)[number];

interface Args {
  quick: boolean;
  /** analytics at 10,000,000 events instead of 1,000,000. */
  large: boolean;
  /** analytics: put its data dir here and keep it (to investigate queries afterwards). */
  keepDataDir?: string;
  /** analytics: only the endpoints, on the data dir of an earlier `--keep-data` run. */
  metricsOnly: boolean;
  only: Name[];
  profile: boolean;
  profileDir?: string;
  /** Before each benchmark, wait up to this many seconds for the machine to be idle (shared machines). */
  waitQuietSeconds: number;
  /** Also run the side-by-side benchmarks against this commit. */
  baseline?: string;
  rounds: number;
  /** http-decisions without the sweep, the mix and autocannon's fixed rate; 10 s phases (for iterating). */
  short: boolean;
  /** http-decisions: LEDGER_API_PROCESSES for this tree's app (a baseline without the setting ignores it). */
  apiProcesses?: number;
}

/** The benchmarks that can run against a baseline commit in the same run. */
const SIDE_BY_SIDE: readonly Name[] = ['event-store', 'http-decisions', 'as-of'];

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, large: false, metricsOnly: false, only: [...NAMES], profile: false, waitQuietSeconds: 0, rounds: 1, short: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--large') args.large = true;
    else if (a === '--short') args.short = true;
    else if (a === '--api-processes') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 16) throw new Error('--api-processes needs an integer from 1 to 16');
      args.apiProcesses = v;
    }
    else if (a === '--keep-data') {
      const v = argv[++i];
      if (!v) throw new Error('--keep-data needs a directory');
      args.keepDataDir = resolve(v);
    }
    else if (a === '--metrics-only') args.metricsOnly = true;
    else if (a === '--only') {
      const v = argv[++i];
      if (!v) throw new Error('--only needs a name');
      const names = v.split(',').map((s) => s.trim());
      for (const n of names) if (!(NAMES as readonly string[]).includes(n)) throw new Error(`unknown benchmark "${n}"; one of ${NAMES.join(', ')}`);
      args.only = names as Name[];
    } else if (a.startsWith('--only=')) {
      return parseArgs([...argv.slice(0, i), '--only', a.slice(7), ...argv.slice(i + 1)]);
    } else if (a === '--profile') {
      args.profile = true;
      if (argv[i + 1] && !argv[i + 1].startsWith('--')) args.profileDir = resolve(argv[++i]);
    } else if (a === '--baseline') {
      const v = argv[++i];
      if (!v) throw new Error('--baseline needs a commit (e.g. HEAD~3 or a hash)');
      args.baseline = v;
    } else if (a === '--rounds') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 10) throw new Error('--rounds needs an integer from 1 to 10');
      args.rounds = v;
    } else if (a === '--wait-quiet') {
      args.waitQuietSeconds = argv[i + 1] && /^\d+$/.test(argv[i + 1]) ? Number(argv[++i]) : 300;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench -- [--quick] [--short] [--large] [--keep-data <dir> [--metrics-only]] [--only ${NAMES.join('|')}[,…]] [--profile [dir]] [--wait-quiet [seconds]] [--baseline <ref> [--rounds n]] [--api-processes n]\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const SIZES = {
  full: {
    eventStore: { events: 64_000 },
    accessDirectory: { signIns: 100_000 },
    http: { items: 10_000, seedConcurrency: 32, connections: 50, warmupSeconds: 3, throughputSeconds: 20, fixedRate: 1000, fixedRateSeconds: 20, mixSeconds: 15, sweepSeconds: 10 },
    asOf: { items: 2000, eventsPerItem: 50, batch: 2000, requests: 30, budgetSeconds: 120 },
    backlogLists: { bigItems: 10_000, otherBacklogs: 4, otherItems: 2500, escalations: 3000, batch: 2000, requests: 50, budgetSeconds: 60 },
    adapter: { connections: 50, seconds: 10, warmupSeconds: 2 },
    kafka: { events: 100_000, partitions: 3, items: 1000, rate: 1000, seconds: 30, httpSeconds: 10, sustainedRate: 250 },
    analytics: { events: 1_000_000, backlogs: 100, days: 420, seed: 20261121, commitEvents: 5000, lagRate: 1000, lagSeconds: 60, lagWarmupSeconds: 5, requests: 40, portfolioRequests: 30, budgetSeconds: 180 },
    import: { decisions: 1_000_000, beforeDecisions: 20_000, seed: 20261204 },
    web: { bigItems: 1000, itemDecisions: 500, loads: 5 },
    watchdogSeconds: 30 * 60,
  },
  quick: {
    eventStore: { events: 8000 },
    accessDirectory: { signIns: 10_000 },
    http: { items: 1000, seedConcurrency: 32, connections: 50, warmupSeconds: 1, throughputSeconds: 5, fixedRate: 1000, fixedRateSeconds: 4, mixSeconds: 3, sweepSeconds: 0 },
    asOf: { items: 200, eventsPerItem: 50, batch: 2000, requests: 10, budgetSeconds: 10 },
    backlogLists: { bigItems: 1000, otherBacklogs: 2, otherItems: 250, escalations: 300, batch: 2000, requests: 10, budgetSeconds: 10 },
    adapter: { connections: 50, seconds: 2, warmupSeconds: 1 },
    kafka: { events: 10_000, partitions: 3, items: 200, rate: 1000, seconds: 5, httpSeconds: 3, sustainedRate: 250 },
    analytics: { events: 20_000, backlogs: 10, days: 400, seed: 20261121, commitEvents: 5000, lagRate: 1000, lagSeconds: 5, lagWarmupSeconds: 1, requests: 10, portfolioRequests: 3, budgetSeconds: 30 },
    import: { decisions: 30_000, beforeDecisions: 2_000, seed: 20261204 },
    web: { bigItems: 1000, itemDecisions: 500, loads: 2 },
    watchdogSeconds: 5 * 60,
  },
};

/** --large: the analytics benchmark at 10,000,000 events (a few thousand items per backlog, as at 1M). */
const LARGE_ANALYTICS = { events: 10_000_000, backlogs: 1000 };

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpu_count: cpus.length,
    total_memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.arch()}`,
    kernel: os.release(),
    date: new Date().toISOString(),
    loadavg_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
    git_commit: git(['rev-parse', '--short', 'HEAD']),
    git_dirty_files: (git(['status', '--porcelain']) ?? '').split('\n').filter(Boolean).length,
  };
}

type Json = Record<string, any>;

/** Machine-wide busy CPU time so far (ms, all cores), from /proc/stat; null elsewhere. */
function machineBusyMs(): number | null {
  try {
    const v = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return ((total - idle) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU this process and its children used so far, ms: on Linux utime + stime + cutime + cstime of this process
 * (children count once they have exited and been reaped, with their own reaped workers); elsewhere our own CPU
 * plus what the app children used when they were stopped.
 */
function ourCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 + childrenCpuMs();
  }
}

function loadavg(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/** Machine-wide CPU busy % over `ms` (from /proc/stat; null elsewhere): how much else is running. */
async function backgroundCpuBusy(ms = 1000): Promise<number | null> {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8');
      const v = f.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = v[3] + (v[4] ?? 0);
      return { idle, total: v.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return null;
  return Math.round((1000 * (1 - (b.idle - a.idle) / (b.total - a.total)))) / 10;
}

function markdown(summary: Json): string {
  const out: string[] = [];
  const m = summary.machine;
  out.push(`## Benchmarks (${summary.mode})`, '');
  out.push(`Machine: ${m.cpu_model} × ${m.cpu_count}, ${m.total_memory_gib} GiB, Node ${m.node}, ${m.os}, kernel ${m.kernel}; ${m.date}; load avg at start ${m.loadavg_at_start.join(' / ')}; commit ${m.git_commit}${m.git_dirty_files ? ` (+${m.git_dirty_files} uncommitted files)` : ''}`, '');
  const table = (title: string, rows: [string, unknown][], result?: Json) => {
    out.push(`### ${title}`, '');
    const other = result?.other_processes_cpu;
    if (other) out.push(`(other processes on the machine meanwhile: ${other.cpu_seconds} CPU-s, avg ${other.avg_cores} cores; machine CPU busy just before start: ${result?.background_cpu_busy_pct_before}%)`, '');
    out.push('| metric | value |', '|---|---|');
    for (const [k, v] of rows) out.push(`| ${k} | ${typeof v === 'object' && v !== null ? '`' + JSON.stringify(v) + '`' : String(v)} |`);
    out.push('');
  };
  const r = summary.results as Json;
  if (r['event-store'] && !r['event-store'].error) {
    const e = r['event-store'];
    table('event-store (SQLite, WAL, settled after an fsync of the WAL)', [
      ['serial: events', e.serial_events],
      ['serial: events/s (1 fsync per append)', e.serial_events_per_s],
      ['serial: p50 / p99 ms', `${e.serial_p50_ms} / ${e.serial_p99_ms}`],
      ['32 writers: events', e.concurrent32_events],
      ['32 writers: events/s', e.concurrent32_events_per_s],
      ['32 writers: commits (avg events/commit)', `${e.concurrent32_commits} (${e.concurrent32_avg_events_per_commit})`],
      ['32 writers: p50 / p99 ms per append', `${e.concurrent32_p50_ms} / ${e.concurrent32_p99_ms}`],
      ['raw SQLite floor, same schema, 32 rows/commit: events/s fsync / no fsync', `${e.raw_sqlite_32_per_commit_events_per_s} / ${e.raw_sqlite_32_per_commit_no_fsync_events_per_s}`],
    ], e);
  }
  if (r['access-directory'] && !r['access-directory'].error) {
    const a = r['access-directory'];
    table('access-directory (sign-in, ADR 0023)', [
      ['sign-ins (events in the access-directory stream)', `${a.sign_ins} (${a.events})`],
      ['start: read and fold the stream, ms (events/s)', `${a.start_ms} (${a.start_events_per_s})`],
      ['in memory after start: sessions / invitations', `${a.sessions_in_memory} / ${a.invitations_in_memory}`],
      ['heap after start, MiB', a.heap_mib_after_start],
      ['session check per request (JWT verify + lookup), µs', a.session_check_us],
    ], a);
  }
  if (r['http-decisions'] && !r['http-decisions'].error) {
    const h = r['http-decisions'];
    const t = h.throughput;
    const a = h.fixed_rate_autocannon ?? { target_per_s: '—', ok_per_s: 'skipped', latency_p50_ms: '—', latency_p99_ms: '—', latency_max_ms: '—' };
    const p = h.fixed_rate_paced;
    const rows: [string, unknown][] = [
      ['items seeded over HTTP (32 in flight)', `${h.items} in ${h.seed.seconds} s = ${h.seed.items_per_s} adds/s`],
      [`(i) max throughput: decisions/s (${t.connections} conns, ${t.duration_s} s)`, t.decisions_per_s],
      ['(i) app CPU per decision, ms (all its processes and threads)', t.app_cpu_ms_per_decision],
      ['(i) latency p50 / p90 / p99 / max ms', `${t.latency_p50_ms} / ${t.latency_p90_ms} / ${t.latency_p99_ms} / ${t.latency_max_ms}`],
      ['(i) responses: 2xx / total', `${t.ok_2xx} / ${t.requests}`],
      ['(i) non-2xx by code', t.problems],
      ['(i) of which 409 ITEM.NO_CHANGE', t.no_change_409],
      ['(i) errors / timeouts', `${t.errors} / ${t.timeouts}`],
      [`(ii-a) fixed ${a.target_per_s}/s, autocannon overallRate: achieved 2xx/s`, a.ok_per_s],
      ['(ii-a) latency p50 / p99 / max ms (raw)', `${a.latency_p50_ms} / ${a.latency_p99_ms} / ${a.latency_max_ms}`],
      [`(ii-b) fixed ${p.target_rate_per_s}/s, paced open loop: achieved/s`, p.achieved_per_s],
      ['(ii-b) latency from scheduled send p50 / p95 / p99 / max ms', `${p.latency.p50_ms} / ${p.latency.p95_ms} / ${p.latency.p99_ms} / ${p.latency.max_ms}`],
      ['(ii-b) saturated (stopped scheduling: backlog > 1,000 requests or > 5 s late)', p.saturated ? `yes, after ${p.stopped_after_s} s (${p.not_sent} of ${p.scheduled} not sent)` : 'no'],
      ['(ii-b) non-2xx by code', p.problems],
    ];
    for (const w of h.paced_sweep ?? []) {
      rows.push([
        `(ii-c) paced ${w.target_rate_per_s}/s (${w.fraction_of_max * 100}% of max): p50 / p95 / p99 / max ms`,
        `${w.latency.p50_ms} / ${w.latency.p95_ms} / ${w.latency.p99_ms} / ${w.latency.max_ms} (achieved ${w.achieved_per_s}/s${w.saturated ? ', SATURATED' : ''})`,
      ]);
    }
    if (h.analytics_at_end) {
      rows.push(['analytics projection: lag right after (i) / drain time at end', `${h.analytics_lag_events_after_throughput} events / ${h.analytics_at_end.drain_ms} ms from ${h.analytics_at_end.lag_events_at_end} behind${h.analytics_at_end.caught_up ? '' : ' (gave up)'}`]);
    }
    if (h.mix) {
      rows.push(
        [`(iii) mix 70/20/10: decisions/s (${h.mix.connections} conns, ${h.mix.duration_s} s)`, h.mix.ok_per_s],
        ['(iii) latency p50 / p99 / max ms', `${h.mix.latency_p50_ms} / ${h.mix.latency_p99_ms} / ${h.mix.latency_max_ms}`],
        ['(iii) requests by operation', h.mix.ops],
        ['(iii) non-2xx by operation', h.mix.problems],
      );
    }
    table('http-decisions (real app, child process)', rows, h);
  }
  if (r['as-of'] && !r['as-of'].error) {
    const x = r['as-of'];
    const q = x.queries;
    const row = (name: string, v: Json): [string, unknown] => [
      name,
      `p50 ${v.p50_ms} / p95 ${v.p95_ms} / p99 ${v.p99_ms} / max ${v.max_ms} ms (n=${v.n}, ${v.items_returned} of ${v.total_items} items, ${Math.round(v.response_bytes / 1024)} KiB, ${v.check})`,
    ];
    table(`as-of (${x.items} items × ${x.events_per_item} events = ${x.item_events} item events)`, [
      ['seed straight into the store', `${x.total_events} events in ${x.seed.seconds} s (${x.seed.commits} commits)`],
      ['boot, empty store → listening', `${x.boot_empty_ms} ms`],
      ['boot, seeded store → listening', `${x.boot_seeded_ms} ms (read model at ${x.read_model_position_at_first_health} on first /health)`],
      ['read-model catch-up (≈ seeded − empty boot)', `${x.catch_up_ms_estimate} ms = ${x.catch_up_events_per_s} events/s`],
      ...(x.analytics_caught_up_after_spawn_ms !== null && x.analytics_caught_up_after_spawn_ms !== undefined
        ? ([['analytics projection caught up (after spawn)', `${x.analytics_caught_up_after_spawn_ms} ms${x.analytics_caught_up ? '' : ' (NOT caught up, gave up)'}; ≈ ${x.analytics_events_per_s_after_listen} events/s after listen`]] as [string, unknown][])
        : []),
      row('GET items (now)', q.now),
      row('GET items?at=mid-history', q.at_mid_history),
      row('GET items?at=end of history', q.at_end_of_history),
      ...(q.at_random ? [row('GET items?at=<end of a random commit>', q.at_random)] : []),
    ], x);
  }
  if (r['backlog-lists'] && !r['backlog-lists'].error) {
    const x = r['backlog-lists'];
    const q = x.queries;
    const lat = (v: Json) => `p50 ${v.p50_ms} / p95 ${v.p95_ms} / max ${v.max_ms} ms (n=${v.n})`;
    table(`backlog-lists (${x.items} items in ${x.backlogs} backlogs, the largest ${x.biggest_backlog_items}; ${x.escalations} escalations)`, [
      ['read model caught up after listen', `${x.read_model.caught_up_after_listen_ms} ms (${x.read_model.events} events, ${x.read_model.events_per_s_after_listen} events/s)`],
      ['GET /backlogs (admin: all)', lat(q.get_backlogs_all)],
      ['GET /backlogs (product owner of the largest)', lat(q.get_backlogs_owner)],
      ['GET /escalations (first page of 50)', lat(q.get_escalations_first_page)],
      ['GET /escalations?backlogId=largest&status=open&limit=200', lat(q.get_escalations_backlog_open)],
      ['GET /escalations as a stakeholder (theirs, limit 200)', lat(q.get_escalations_my)],
      ['page through every escalation (limit 200)', `${q.page_through_all_escalations.escalations} in ${q.page_through_all_escalations.pages} pages, ${q.page_through_all_escalations.ms} ms`],
      ['item counts: trigger-kept table vs GROUP BY over items (on the file)', `p50 ${q.counts_from_item_counts_table.p50_ms} ms vs ${q.counts_by_group_by_over_items.p50_ms} ms`],
    ], x);
  }
  if (r['http-adapter'] && !r['http-adapter'].error) {
    const x = r['http-adapter'];
    const rows: [string, unknown][] = [];
    for (const ad of ['fastify', 'express']) {
      const p = x[ad].post_validated;
      const g = x[ad].get_json;
      rows.push([`${ad}: POST validated DTO req/s (p50 / p99 ms)`, `${p.ok_per_s} (${p.latency_p50_ms} / ${p.latency_p99_ms})`]);
      rows.push([`${ad}: GET JSON req/s (p50 / p99 ms)`, `${g.ok_per_s} (${g.latency_p50_ms} / ${g.latency_p99_ms})`]);
    }
    rows.push(['fastify ÷ express (POST / GET)', `${x.fastify_over_express_post} / ${x.fastify_over_express_get}`]);
    table('http-adapter (minimal Nest 11 app, 50 connections)', rows, x);
  }
  if (r.kafka && !r.kafka.error) {
    const k = r.kafka;
    table(`kafka (distributed tier, real single-node broker, ${k.partitions} partitions)`, [
      ['relay: store → topic, events/s (acks=all, idempotent)', `${k.relay.events_per_s} (${k.relay.events} events in ${k.relay.seconds} s)`],
      ['projector: topic → chDB, events/s', `${k.projector.kafka_events_per_s} (${k.projector.kafka_seconds} s)`],
      ['embedded projector: store → chDB, events/s (same run)', `${k.projector.embedded_events_per_s} (${k.projector.embedded_seconds} s)`],
      ...(['store_level', 'http_target', 'http_sustained'] as const).map((key): [string, unknown] => {
        const x = k.e2e[key];
        const what = key === 'store_level' ? 'appended to the store → checkpoint written' : 'HTTP 2xx → checkpoint written';
        return [
          `end-to-end lag, ${x.target_rate_per_s}/s ${what}: p50 / p95 / p99 / max ms`,
          `${x.lag_ms.p50_ms} / ${x.lag_ms.p95_ms} / ${x.lag_ms.p99_ms} / ${x.lag_ms.max_ms} (n=${x.lag_ms.n}, achieved ${x.achieved_per_s}/s${x.saturated ? `, API SATURATED after ${x.stopped_after_s} s, HTTP p99 ${x.http_latency.p99_ms} ms` : ''}; ${x.not_visible_after_60s} not visible after 60 s)`,
        ];
      }),
      ['settings', k.e2e.settings],
    ], k);
  }
  if (r.analytics && !r.analytics.error) {
    const x = r.analytics;
    const la = (v: number[] | undefined) => (v ? v.join(' / ') : '?');
    // --metrics-only runs have no seed, rebuild or lag.
    const rows: [string, unknown][] = x.seed
      ? [
          ['seed (straight into the store)', `${x.seed.events} events, ${x.seed.backlogs} backlogs, ${x.seed.items} items, ${x.seed.history_from.slice(0, 10)} → ${x.seed.history_to.slice(0, 10)}; ${x.seed.seconds} s = ${x.seed.events_per_s} events/s (load ${la(x.seed.loadavg_after)})`],
          ['rebuild (target ≥ 50,000 events/s)', `${x.rebuild.events} events in ${x.rebuild.seconds} s = **${x.rebuild.events_per_s} events/s** (load ${la(x.rebuild.loadavg_before)} → ${la(x.rebuild.loadavg_after)})`],
          [`lag at ${x.lag.rate_target_per_s} events/s (target p99 < 2 s)`, `p50 ${x.lag.lag_ms.p50_ms} / p99 **${x.lag.lag_ms.p99_ms}** / max ${x.lag.lag_ms.max_ms} ms over ${x.lag.events} events (achieved ${x.lag.achieved_per_s}/s; load ${la(x.lag.loadavg_before)} → ${la(x.lag.loadavg_after)})`],
        ]
      : [['data', `kept data dir, ${x.backlogs} backlogs (metrics only)`]];
    rows.push(['app on the seeded store: listening / read model caught up', `${x.app_boot_ms} ms after spawn / ${x.app_read_model_caught_up_after_listen_ms} ms after listening`]);
    for (const [name, m] of Object.entries(x.metrics as Json)) {
      rows.push([`GET ${name} (target p95 < 300 ms)`, `p50 ${m.p50_ms} / p95 **${m.p95_ms}** / max ${m.max_ms} ms (n=${m.n}; load ${la(m.loadavg_before)} → ${la(m.loadavg_after)})`]);
    }
    table(`analytics (${x.seed ? `${x.seed.events} events` : 'metrics only'})`, rows, x);
  }
  if (r.import && !r.import.error) {
    const x = r.import;
    const run = (v: Json) =>
      `${fmt(v.processed)} lines in ${v.import_seconds} s = **${fmt(v.decisions_per_s)} decisions/s** (${fmt(v.events_per_s)} events/s); ` +
      `read model + analytics caught up ${v.catch_up_seconds} s later; CPU ${Math.round(v.cpu_ms / 1000)} s; peak RSS ${v.max_rss_mb} MB; ` +
      `load ${v.load_before.join(' / ')} → ${v.load_after.join(' / ')}; during the import this process used ${v.import_own_cores} cores, ` +
      `other processes ${v.import_foreign_cores} of the machine's ${v.cores}`;
    table(`import (${fmt(x.history.decisions)} decisions, ${x.history.backlogs} backlogs, ${x.history.file_mb} MB NDJSON)`, [
      ['history (demo generator, 120 months, child process)', `${fmt(x.history.decisions)} lines in ${Math.round(x.history.generate_ms / 1000)} s`],
      [`before: one by one, first ${fmt(x.before.processed)} lines`, run(x.before)],
      [`after: bulk, same ${fmt(x.after_same_lines.processed)} lines`, `${run(x.after_same_lines)} (×${x.speedup_same_lines})`],
      [`after: bulk, all ${fmt(x.after.processed)} lines (target ≥ 20,000 decisions/s)`, run(x.after)],
      ['re-run of the same file (all skipped, nothing written)', run(x.rerun)],
    ], x);
  }
  if (r.web && !r.web.error) {
    const x = r.web;
    const rows: [string, unknown][] = [];
    if (x.first_screen_js) rows.push(['first screen (portfolio) JavaScript, gzip (target ≤ 250 KB)', `**${(x.first_screen_js.total_gzip_bytes / 1024).toFixed(1)} KB** in ${x.first_screen_js.files.length} files`]);
    for (const [name, v] of Object.entries(x.screens as Json)) {
      const d = v.data_shown_ms;
      rows.push([
        `${name}: ${v.what} — data shown (target < 1 s)`,
        `p50 **${d.p50_ms}** / max ${d.max_ms} ms (n=${d.n}); medians: first API request at ${v.median_first_api_start_ms} ms, ${v.api_requests} requests (longest ${v.median_api_longest_ms} ms) done at ${v.median_api_done_ms} ms, rendering ${v.median_after_data_ms} ms${v.complete_ms ? `; every row in the page at p50 ${v.complete_ms.p50_ms} ms` : ''} (load ${v.loadavg_before.join(' / ')})`,
      ]);
    }
    table(`web (Chromium, cold loads, on ${x.data.backlogs} backlogs${x.data.seeded ? `, seeded ${x.data.seeded.events} events` : ', kept data dir'})`, rows, x);
  }
  for (const [name, v] of Object.entries(r)) if ((v as Json).error) out.push(`**${name} failed:** ${(v as Json).error}`, '');
  if (summary.side_by_side) out.push(sideBySideMarkdown(summary));
  return out.join('\n');
}

/** The headline figures of one run of a side-by-side benchmark, in display order. */
function headline(name: string, x: Json): [string, string][] {
  if (x.error) return [['error', String(x.error)]];
  const lat = (v: Json | undefined) => (v ? `${v.p50_ms} / ${v.p95_ms} / ${v.p99_ms}` : '—');
  if (name === 'event-store') {
    return [
      ['32 writers: events/s', String(x.concurrent32_events_per_s)],
      ['32 writers: events per commit', String(x.concurrent32_avg_events_per_commit)],
      ['32 writers: p50 / p99 ms per append', `${x.concurrent32_p50_ms} / ${x.concurrent32_p99_ms}`],
      ['serial: events/s', String(x.serial_events_per_s)],
      ['raw SQLite, same schema, 32 rows per commit: events/s with fsync / without', `${x.raw_sqlite_32_per_commit_events_per_s ?? '—'} / ${x.raw_sqlite_32_per_commit_no_fsync_events_per_s ?? '—'}`],
    ];
  }
  if (name === 'http-decisions') {
    const t = x.throughput;
    const p = x.fixed_rate_paced;
    const rows: [string, string][] = [
      ['seed: adds/s', String(x.seed.items_per_s)],
      ['max throughput: decisions/s', String(t.decisions_per_s)],
      ['max throughput: p50 / p99 ms', `${t.latency_p50_ms} / ${t.latency_p99_ms}`],
      ['max throughput: app CPU ms per decision (all its processes and threads)', String(t.app_cpu_ms_per_decision ?? '—')],
      [`paced ${p.target_rate_per_s}/s: achieved/s`, `${p.achieved_per_s}${p.saturated ? ` (SATURATED after ${p.stopped_after_s} s)` : ''}`],
      [`paced ${p.target_rate_per_s}/s: p50 / p95 / p99 / max ms`, `${lat(p.latency)} / ${p.latency.max_ms}`],
    ];
    for (const w of x.paced_sweep ?? []) {
      rows.push([`paced ${w.fraction_of_max * 100}% of max: rate → p99 ms`, `${w.target_rate_per_s}/s → ${w.latency.p99_ms}${w.saturated ? ' (SATURATED)' : ''}`]);
    }
    if (x.mix) rows.push(['mix: decisions/s (p99 ms)', `${x.mix.ok_per_s} (${x.mix.latency_p99_ms})`]);
    if (x.api_processes) rows.push(['API processes', String(x.api_processes)]);
    return rows;
  }
  if (name === 'as-of') {
    const q = x.queries;
    const rows: [string, string][] = [
      ['?at=end of history: p50 / p95 / p99 ms', lat(q.at_end_of_history)],
      ['?at=mid-history: p50 / p95 / p99 ms', lat(q.at_mid_history)],
    ];
    if (q.at_random) rows.push([`?at=random instants: p50 / p95 / p99 ms`, lat(q.at_random)]);
    rows.push(['now: p50 / p95 / p99 ms', lat(q.now)]);
    rows.push(['answers checked', [...new Set(Object.values(q as Json).map((v: Json) => v.check))].join(', ')]);
    rows.push(['read model caught up (ms after spawn, 100,001 events at full size)', String(x.caught_up_after_spawn_ms)]);
    return rows;
  }
  return [];
}

function sideBySideMarkdown(summary: Json): string {
  const out: string[] = [`## Side by side: head vs baseline ${summary.baseline.commit} (\`--baseline ${summary.baseline.ref}\`)`, ''];
  for (const [name, runs] of Object.entries(summary.side_by_side as Record<string, Json[]>)) {
    out.push(`### ${name}`, '');
    out.push(`| | ${runs.map((r) => `${r.side} ${r.commit} (round ${r.round})`).join(' | ')} |`);
    out.push(`|---|${runs.map(() => '---').join('|')}|`);
    const rows = new Map<string, string[]>();
    runs.forEach((r, i) => {
      for (const [k, v] of headline(name, r.result)) {
        if (!rows.has(k)) rows.set(k, Array(runs.length).fill('—'));
        rows.get(k)![i] = v;
      }
    });
    for (const [k, vs] of rows) out.push(`| ${k} | ${vs.join(' | ')} |`);
    const la = (v: number[] | undefined) => (v ? v.join(' / ') : '?');
    out.push(`| load average before → after | ${runs.map((r) => `${la(r.result.loadavg_before)} → ${la(r.result.loadavg_after)}`).join(' | ')} |`);
    out.push(`| other processes (avg cores) | ${runs.map((r) => String(r.result.other_processes_cpu?.avg_cores ?? '?')).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const base = args.quick ? SIZES.quick : SIZES.full;
  const sizes = args.short
    ? { ...base, http: { ...base.http, throughputSeconds: 10, fixedRateSeconds: 10, mixSeconds: 0, sweepSeconds: 0, autocannonFixedRate: false } }
    : base;
  const dir = mkdtempSync(join(os.tmpdir(), 'ledger-bench-'));
  const profileDir = args.profile ? (args.profileDir ?? join(dir, 'profiles')) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    killAllChildren();
    destroyAgent();
    rmSync(dir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping children, deleting ${dir}`);
      cleanup();
      process.exit(130);
    });
  }
  const analyticsSizes = args.large ? { ...sizes.analytics, ...LARGE_ANALYTICS } : sizes.analytics;
  // The analytics benchmark seeds and projects millions of events: its own, longer, allowance.
  const analyticsSeconds = args.only.includes('analytics') ? (args.large ? 4 * 3600 : args.quick ? 5 * 60 : 45 * 60) : 0;
  const sides = args.baseline ? 2 * args.rounds : 1;
  // A million decisions, generated and imported twice, on a shared machine.
  const importSeconds = args.only.includes('import') ? (args.quick ? 5 * 60 : 60 * 60) : 0;
  // The web benchmark may seed the same history and waits for the app's read models to catch up on it.
  const webSeconds = args.only.includes('web') ? (args.quick ? 10 * 60 : 75 * 60) : 0;
  const watchdogSeconds = sizes.watchdogSeconds * sides + analyticsSeconds + importSeconds + webSeconds + args.waitQuietSeconds * args.only.length * sides;
  const watchdog = setTimeout(() => {
    log(`watchdog: the run exceeded ${watchdogSeconds} s; aborting`);
    cleanup();
    process.exit(3);
  }, watchdogSeconds * 1000);
  watchdog.unref();

  const summary: Json = { mode: args.quick ? 'quick' : args.large ? 'full --large' : 'full', machine: machine(), command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`, results: {} };
  log(`benchmarks: ${args.only.join(', ')} (${summary.mode}); data in ${dir}`);
  const t0 = Date.now();
  try {
    const trees: SourceTree[] = [headTree()];
    if (args.baseline) {
      const base = exportBaseline(args.baseline, dir);
      log(`baseline: commit ${base.commit} exported to ${base.root}${base.packageJsonDiffers ? ' (its package.json differs from this tree: it runs on this tree\'s node_modules)' : ''}`);
      trees.unshift(base);
      summary.baseline = { ref: args.baseline, commit: base.commit, package_json_differs: base.packageJsonDiffers, rounds: args.rounds };
      summary.side_by_side = {};
    }
    const waitQuiet = async (): Promise<number | null> => {
      let background = await backgroundCpuBusy();
      if (args.waitQuietSeconds > 0 && background !== null && background > 15) {
        const until = Date.now() + args.waitQuietSeconds * 1000;
        log(`machine busy (${background}% CPU): waiting up to ${args.waitQuietSeconds} s for it to go below 15% for 3 s`);
        let quiet = 0;
        while (Date.now() < until && quiet < 3) {
          background = await backgroundCpuBusy();
          quiet = background !== null && background < 15 ? quiet + 1 : 0;
        }
        log(quiet >= 3 ? 'machine quiet' : `still busy after ${args.waitQuietSeconds} s (${background}%): running anyway`);
      }
      return background;
    };
    const runOne = async (name: Name, tree: SourceTree, tag: string): Promise<Json> => {
      const background = await waitQuiet();
      const busy0 = machineBusyMs();
      const ours0 = ourCpuMs();
      const started = Date.now();
      const loadBefore = loadavg();
      log(`=== ${name}${tag ? ` [${tag}: ${tree.side} ${tree.commit}]` : ''} (machine CPU busy before start, all processes: ${background ?? '?'}%; load average ${loadBefore.join(' / ')})`);
      const phases: { name: string; fromNs: bigint; toNs: bigint }[] = [];
      const onPhase = (n: string, fromNs: bigint, toNs: bigint) => phases.push({ name: n, fromNs, toNs });
      const profName = `${name}${tag ? `-${tag}-${tree.side}` : ''}.cpuprofile`;
      const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', profName] : undefined;
      const label = tag ? `${name}-${tag}-${tree.side}` : name;
      try {
        let result: Json;
        if (name === 'event-store') {
          const esDir = join(dir, label);
          log(`event-store: ${sizes.eventStore.events.toLocaleString('en-US')} events with 32 writers (and 1/16 of that serially), child process on ${tree.side} ${tree.commit}`);
          result = await benchEventStoreIn(tree.root, { dir: esDir, events: sizes.eventStore.events });
          log(`event-store: serial ${result.serial_events_per_s} events/s; 32 writers ${result.concurrent32_events_per_s} events/s`);
        } else if (name === 'http-decisions') {
          const env = args.apiProcesses && tree.side === 'head' ? { LEDGER_API_PROCESSES: String(args.apiProcesses) } : undefined;
          result = await benchHttpDecisions({ dir, ...sizes.http, nodeArgs, onPhase, root: tree.root, label, env });
          result.api_processes = tree.side === 'head' ? (args.apiProcesses ?? 1) : 1;
        } else if (name === 'as-of') {
          result = await benchAsOf({ dir, ...sizes.asOf, nodeArgs, onPhase, root: tree.root, label });
        } else if (name === 'backlog-lists') {
          result = await benchBacklogLists({ dir, ...sizes.backlogLists });
        } else if (name === 'kafka') {
          result = await benchKafka({ dir, ...sizes.kafka });
        } else if (name === 'import') {
          result = await benchImport({ dir: join(dir, 'import'), ...sizes.import, nodeArgs, onPhase });
        } else if (name === 'access-directory') {
          const adDir = join(dir, 'access-directory');
          mkdirSync(adDir, { recursive: true });
          log(`access-directory: ${sizes.accessDirectory.signIns.toLocaleString('en-US')} sign-ins by invitation, then a start and 20,000 session checks`);
          result = await benchAccessDirectory({ dir: adDir, signIns: sizes.accessDirectory.signIns });
          log(`access-directory: start ${result.start_ms} ms for ${result.events} events; session check ${result.session_check_us} µs`);
        } else if (name === 'analytics') {
          if (args.keepDataDir) mkdirSync(args.keepDataDir, { recursive: true });
          if (args.metricsOnly && !args.keepDataDir) throw new Error('--metrics-only needs --keep-data <dir> (the data dir of an earlier run)');
          result = await benchAnalytics({ dir: args.keepDataDir ?? dir, ...analyticsSizes, nodeArgs, onPhase, metricsOnly: args.metricsOnly });
        } else if (name === 'web') {
          if (args.keepDataDir) mkdirSync(args.keepDataDir, { recursive: true });
          result = await benchWeb({ dir: args.keepDataDir ?? dir, ...analyticsSizes, ...sizes.web });
        } else {
          result = await benchHttpAdapter(sizes.adapter);
        }
        if (profileDir && name !== 'event-store' && name !== 'http-adapter' && name !== 'analytics' && name !== 'import') {
          const file = join(profileDir, profName);
          result.profile = {
            file: args.profileDir ? file : '(deleted with the temp dir; pass --profile <dir> to keep it)',
            whole_run: summarizeProfile(file, undefined, 15),
            phases: Object.fromEntries(phases.map((p) => [p.name, summarizeProfile(file, p)])),
          };
        }
        result.code = { side: tree.side, commit: tree.commit, uncommitted_files: tree.dirtyFiles };
        result.wall_seconds = Math.round((Date.now() - started) / 100) / 10;
        result.background_cpu_busy_pct_before = background;
        result.loadavg_before = loadBefore;
        result.loadavg_after = loadavg();
        const busy1 = machineBusyMs();
        if (busy0 !== null && busy1 !== null) {
          // Everything the machine did minus what this run (and its children) did: other sessions' work.
          const wall = Date.now() - started;
          const foreign = Math.max(0, busy1 - busy0 - (ourCpuMs() - ours0));
          result.other_processes_cpu = { cpu_seconds: Math.round(foreign / 100) / 10, avg_cores: Math.round((foreign / wall) * 100) / 100 };
          log(`${name}: other processes used ${result.other_processes_cpu.cpu_seconds} CPU-s meanwhile (avg ${result.other_processes_cpu.avg_cores} of ${os.cpus().length} cores); load average ${result.loadavg_after.join(' / ')}`);
        }
        return result;
      } catch (e) {
        log(`${name} FAILED: ${e instanceof Error ? e.stack : String(e)}`);
        process.exitCode = 1;
        return { error: e instanceof Error ? e.message : String(e), code: { side: tree.side, commit: tree.commit } };
      }
    };
    for (const name of args.only) {
      if (trees.length === 1 || !SIDE_BY_SIDE.includes(name)) {
        summary.results[name] = await runOne(name, trees[trees.length - 1], '');
        continue;
      }
      const runs: Json[] = [];
      for (let round = 1; round <= args.rounds; round++) {
        // ABBA: base, head, then head, base, … so a drifting machine load favours neither side.
        const order = round % 2 === 1 ? trees : [...trees].reverse();
        for (const tree of order) {
          const result = await runOne(name, tree, `r${round}`);
          runs.push({ side: tree.side, commit: tree.commit, round, result });
          if (tree.side === 'head' && !summary.results[name]) summary.results[name] = result;
        }
      }
      summary.side_by_side[name] = runs;
    }
  } finally {
    summary.total_seconds = Math.round((Date.now() - t0) / 100) / 10;
    summary.machine.loadavg_at_end = os.loadavg().map((x) => Math.round(x * 100) / 100);
    cleanup();
  }
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n\n');
  process.stdout.write(markdown(summary) + '\n');
  log(`done in ${summary.total_seconds} s; temp data deleted`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  killAllChildren();
  process.exit(1);
});
