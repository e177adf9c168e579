/**
 * Nest HTTP adapter, measured: the same minimal Nest 11 app (bench/adapter-app) on
 * @nestjs/platform-fastify and on @nestjs/platform-express, each in its own child process,
 * autocannon 50 connections: a validated POST (class-validator DTO, global ValidationPipe as in
 * the real app) and a GET returning JSON.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startServer } from './lib/app-process';
import { runAutocannon, type LoadResult } from './lib/load';
import { fmt, log } from './lib/progress';
import { RATIONALE } from './http-decisions.bench';

export interface HttpAdapterOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export async function benchHttpAdapter(o: HttpAdapterOptions) {
  const out: Record<string, { boot_ms: number; post_validated: LoadResult; get_json: LoadResult }> = {};
  const itemId = randomUUID();
  const postPath = `/items/${itemId}/reprioritize`;
  const post = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ toPosition: 42, trigger: 'review', rationale: RATIONALE }),
  };
  for (const adapter of ['fastify', 'express'] as const) {
    log(`http-adapter: starting the ${adapter} app (child process)`);
    const server = await startServer({
      entry: join(__dirname, 'adapter-app', 'main.ts'),
      label: `adapter-${adapter}`,
      env: { BENCH_ADAPTER: adapter, PORT: '0' },
    });
    try {
      // Sanity: the validation really runs (an unknown field is rejected) and the happy path answers 200.
      const probe = await runAutocannon('probe', {
        url: server.url + postPath,
        connections: 1,
        duration: 1,
        ...post,
        body: JSON.stringify({ toPosition: 0, extra: 1, rationale: RATIONALE }),
      });
      if (probe.ok_2xx > 0 || !probe.status_counts['400']) {
        throw new Error(`${adapter}: an invalid body was not rejected with 400: ${JSON.stringify(probe.status_counts)}`);
      }
      await runAutocannon('warm-up', { url: server.url + postPath, connections: o.connections, duration: o.warmupSeconds, ...post });
      log(`http-adapter: ${adapter} POST (validated DTO) — ${o.connections} connections × ${o.seconds} s`);
      const postResult = await runAutocannon(`${adapter} POST`, { url: server.url + postPath, connections: o.connections, duration: o.seconds, ...post });
      if (postResult.ok_2xx < postResult.requests * 0.99) throw new Error(`${adapter} POST: ${JSON.stringify(postResult.status_counts)}`);
      log(`http-adapter: ${adapter} POST ${fmt(postResult.ok_per_s)} req/s, p50 ${postResult.latency_p50_ms} ms, p99 ${postResult.latency_p99_ms} ms`);
      log(`http-adapter: ${adapter} GET — ${o.connections} connections × ${o.seconds} s`);
      const getResult = await runAutocannon(`${adapter} GET`, {
        url: `${server.url}/items/${itemId}`,
        connections: o.connections,
        duration: o.seconds,
      });
      log(`http-adapter: ${adapter} GET ${fmt(getResult.ok_per_s)} req/s, p50 ${getResult.latency_p50_ms} ms, p99 ${getResult.latency_p99_ms} ms`);
      out[adapter] = { boot_ms: Math.round(server.bootMs), post_validated: postResult, get_json: getResult };
    } finally {
      await server.stop(10_000);
    }
  }
  const ratio = (a: number, b: number) => Math.round((100 * a) / b) / 100;
  return {
    ...out,
    fastify_over_express_post: ratio(out.fastify.post_validated.ok_per_s, out.express.post_validated.ok_per_s),
    fastify_over_express_get: ratio(out.fastify.get_json.ok_per_s, out.express.get_json.ok_per_s),
  };
}
