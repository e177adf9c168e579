import { Agent, request as httpRequest } from 'node:http';
import { signToken } from '../../apps/api/src/auth/token-signer';
import type { Principal } from '../../apps/api/src/auth/principal';
import { BENCH_JWT_SECRET } from './app-process';

export interface JsonReply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function destroyAgent(): void {
  agent.destroy();
}

/** One JSON request over a keep-alive connection (node:http; loopback only). */
export function requestJson<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<JsonReply<T>> {
  const url = new URL(path, baseUrl);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`refusing non-loopback URL ${url}`));
  const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              body = JSON.parse(text);
            } catch {
              /* keep text */
            }
          }
          resolve({ status: res.statusCode ?? 0, body: body as T, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight. */
export async function pool(total: number, concurrency: number, task: (i: number) => Promise<void>, onProgress?: (done: number) => void) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await task(i);
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

export function benchToken(role: Principal['role'] = 'product-leader', sub = 'bench-leader', backlogs: string[] = []): Promise<string> {
  return signToken(new TextEncoder().encode(BENCH_JWT_SECRET), { sub, role, backlogs }, { ttlSeconds: 6 * 3600 });
}

export interface HealthSnapshot {
  head: number;
  readModel: number;
  /** Present when the app runs the embedded analytics projector (/health `analytics`). */
  analytics?: { position: number; lagEvents: number; state?: string };
}

export async function health(baseUrl: string): Promise<HealthSnapshot> {
  const res = await requestJson(baseUrl, 'GET', '/health');
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
  const b = res.body;
  return {
    head: b.eventStore.headPosition,
    readModel: b.readModel.position,
    analytics: b.analytics ? { position: b.analytics.position, lagEvents: b.analytics.lagEvents, state: b.analytics.state } : undefined,
  };
}

/** Polls /health until the analytics projection (if the app has one) has no lag; returns ms waited, or null if there is none. */
export async function waitAnalyticsCaughtUp(
  baseUrl: string,
  opts: { timeoutMs: number; intervalMs?: number; onSample?: (h: HealthSnapshot) => void },
): Promise<{ ms: number; caughtUp: boolean; last: HealthSnapshot } | null> {
  const t0 = Date.now();
  for (;;) {
    const h = await health(baseUrl);
    if (!h.analytics) return null;
    opts.onSample?.(h);
    if (h.analytics.lagEvents === 0) return { ms: Date.now() - t0, caughtUp: true, last: h };
    if (Date.now() - t0 > opts.timeoutMs) return { ms: Date.now() - t0, caughtUp: false, last: h };
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
}

/** Polls GET /health until the read model has no lag; returns samples of (ms since start, read-model position). */
export async function waitCaughtUp(
  baseUrl: string,
  opts: { timeoutMs: number; intervalMs?: number; onSample?: (s: { ms: number; position: number; head: number }) => void },
): Promise<{ ms: number; position: number; head: number }[]> {
  const samples: { ms: number; position: number; head: number }[] = [];
  const t0 = Date.now();
  for (;;) {
    const res = await requestJson(baseUrl, 'GET', '/health');
    if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
    const s = { ms: Date.now() - t0, position: res.body.readModel.position as number, head: res.body.eventStore.headPosition as number };
    samples.push(s);
    opts.onSample?.(s);
    if (res.body.readModel.lagEvents === 0) return samples;
    if (Date.now() - t0 > opts.timeoutMs) throw new Error(`read model still ${res.body.readModel.lagEvents} events behind after ${opts.timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}
