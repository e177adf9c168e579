/**
 * Load generators: autocannon (closed loop, N connections) and a paced open-loop generator for
 * fixed-rate runs whose latency is measured from each request's *scheduled* send time.
 */
import { Agent, request as httpRequest } from 'node:http';
import { round, summarize, type LatencySummary } from './stats';
import { withTicker } from './progress';

// autocannon ships no types and @types/autocannon is not installed: the slice we use.
interface AcRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: AcRequest, context: Record<string, unknown>) => AcRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AcHistogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
}
interface AcResult {
  duration: number;
  latency: AcHistogram;
  requests: AcHistogram & { sent: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  pipelining?: number;
  timeout?: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  requests?: AcRequest[];
  overallRate?: number;
  ignoreCoordinatedOmission?: boolean;
}
type Autocannon = (opts: AcOptions, cb: (err: Error | null, result: AcResult) => void) => { stop(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

export type { AcRequest };

export interface LoadResult {
  duration_s: number;
  connections: number;
  requests: number;
  ok_2xx: number;
  ok_per_s: number;
  latency_p50_ms: number;
  latency_p90_ms: number;
  latency_p99_ms: number;
  latency_max_ms: number;
  latency_mean_ms: number;
  status_counts: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function runAutocannon(label: string, opts: AcOptions): Promise<LoadResult> {
  const result = await withTicker(
    label,
    opts.duration,
    new Promise<AcResult>((resolve, reject) => {
      autocannon({ timeout: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
    }),
  );
  const status: Record<string, number> = {};
  let ok = 0;
  let total = 0;
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    status[code] = Number(count);
    total += Number(count);
    if (code.startsWith('2')) ok += Number(count);
  }
  return {
    duration_s: round(result.duration),
    connections: opts.connections,
    requests: total,
    ok_2xx: ok,
    ok_per_s: Math.round(ok / result.duration),
    latency_p50_ms: result.latency.p50,
    latency_p90_ms: result.latency.p90,
    latency_p99_ms: result.latency.p99,
    latency_max_ms: result.latency.max,
    latency_mean_ms: round(result.latency.mean),
    status_counts: status,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export interface PacedRequest {
  method: string;
  path: string;
  body?: string;
}

export interface PacedResult {
  target_rate_per_s: number;
  duration_s: number;
  scheduled: number;
  completed: number;
  achieved_per_s: number;
  ok_2xx: number;
  status_counts: Record<string, number>;
  errors: number;
  /** Completion − scheduled send time: includes any queueing (no coordinated omission). */
  latency: LatencySummary;
  /** Completion − actual send time. */
  service_latency: LatencySummary;
  max_in_flight: number;
  /** True when the server fell so far behind that the run stopped scheduling (see `stopped_after_s`). */
  saturated: boolean;
  stopped_after_s: number | null;
  not_sent: number;
}

/**
 * Open loop: request i is due at t0 + i/rate regardless of how earlier ones fare; a due request is
 * sent on a free keep-alive socket or a new one (up to maxSockets), otherwise it queues in the agent
 * and the wait shows up in `latency`.
 */
export async function runPaced(
  label: string,
  opts: {
    baseUrl: string;
    rate: number;
    seconds: number;
    headers: Record<string, string>;
    next: (i: number) => PacedRequest;
    onResponse?: (i: number, status: number, body: string) => void;
    maxSockets?: number;
    /** Stop scheduling (saturated) when this many requests are outstanding… */
    maxOutstanding?: number;
    /** …or when a request has been outstanding this long past its scheduled time. */
    maxLateMs?: number;
  },
): Promise<PacedResult> {
  const url = new URL(opts.baseUrl);
  if (url.hostname !== '127.0.0.1') throw new Error(`refusing non-loopback URL ${opts.baseUrl}`);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 256 });
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const service: number[] = [];
  const status: Record<string, number> = {};
  let errors = 0;
  let ok = 0;
  let sent = 0;
  let completed = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let stoppedAt: number | null = null;
  const outstanding = new Map<number, number>(); // i → scheduled ms
  const maxOutstanding = opts.maxOutstanding ?? 1000;
  const maxLateMs = opts.maxLateMs ?? 5000;
  const t0 = process.hrtime.bigint();
  const nowMs = () => Number(process.hrtime.bigint() - t0) / 1e6;

  const fire = (i: number, dueMs: number) => {
    const r = opts.next(i);
    const payload = r.body === undefined ? undefined : Buffer.from(r.body);
    const headers: Record<string, string | number> = { ...opts.headers };
    if (payload) headers['content-length'] = payload.length;
    const sentMs = nowMs();
    outstanding.set(i, dueMs);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const finish = (code: number | null, body: string) => {
      if (finished) return;
      finished = true;
      outstanding.delete(i);
      inFlight -= 1;
      completed += 1;
      const end = nowMs();
      if (code === null) {
        errors += 1;
      } else {
        status[code] = (status[code] ?? 0) + 1;
        if (code >= 200 && code < 300) ok += 1;
        latencies.push(end - dueMs);
        service.push(end - sentMs);
        opts.onResponse?.(i, code, body);
      }
    };
    const req = httpRequest({ host: '127.0.0.1', port: url.port, method: r.method, path: r.path, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => finish(res.statusCode ?? 0, body));
      res.on('error', () => finish(null, ''));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => finish(null, ''));
    if (payload) req.write(payload);
    req.end();
  };

  await withTicker(
    label,
    opts.seconds,
    new Promise<void>((resolve) => {
      const tick = () => {
        const now = nowMs();
        const due = Math.min(total, Math.floor((now * opts.rate) / 1000) + 1);
        while (sent < due) {
          fire(sent, (sent * 1000) / opts.rate);
          sent += 1;
        }
        const oldest = outstanding.values().next();
        const late = oldest.done ? 0 : now - oldest.value;
        if (sent < total && (inFlight > maxOutstanding || late > maxLateMs)) stoppedAt = now;
        if (sent < total && stoppedAt === null) setTimeout(tick, 1);
        else {
          const drain = () => (completed >= sent ? resolve() : setTimeout(drain, 5));
          drain();
        }
      };
      tick();
    }),
  );
  const seconds = nowMs() / 1000;
  agent.destroy();
  return {
    target_rate_per_s: opts.rate,
    duration_s: round(seconds),
    scheduled: total,
    completed,
    achieved_per_s: Math.round(completed / seconds),
    ok_2xx: ok,
    status_counts: status,
    errors,
    latency: summarize(latencies),
    service_latency: summarize(service),
    max_in_flight: maxInFlight,
    saturated: stoppedAt !== null,
    stopped_after_s: stoppedAt === null ? null : round(stoppedAt / 1000),
    not_sent: total - sent,
  };
}
