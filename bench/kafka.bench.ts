/**
 * Distributed tier, Kafka pieces (`npm run bench -- --only kafka`), against a real single-node broker
 * (infra/kafka/kafka.sh, started here unless KAFKA_BROKERS is set; stopped at the end if started here):
 *   1. relay throughput: a pre-filled SQLite store → topic (in this process; acks=all, idempotent producer);
 *   2. projector throughput: that topic → chDB through the Kafka projector (in this process), next to the
 *      embedded projector (same store → chDB through EventStoreSource) on the same machine, same run;
 *   3. end-to-end lag at a fixed decision rate: the real API (child, LEDGER_PROJECTOR=external) takes
 *      reprioritizations over HTTP, the relay (child, apps/relay with its defaults) publishes them, the projector
 *      (child, apps/projector's startKafkaProjector with its defaults) writes them to chDB; lag = time the
 *      checkpoint covering a decision was written − time its HTTP 2xx came back.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { AnalyticsProjector, createAnalyticsClient, EventStoreSource, migrate } from '@ledger/analytics';
import { createKafka, FileCheckpoint, KafkaRelay } from '@ledger/kafka';
import { appendHistory, generateHistory } from '../libs/analytics/src/testing/generated-history';
import { startKafkaProjector } from '../apps/projector/src/kafka-projector';
import { REPO_ROOT, startLedgerApp } from './lib/app-process';
import { benchToken, pool, requestJson } from './lib/http';
import { runPaced } from './lib/load';
import { log } from './lib/progress';
import { round, summarize } from './lib/stats';
import { RATIONALE } from './http-decisions.bench';

export interface KafkaBenchOptions {
  dir: string;
  /** Events for the relay / projector throughput runs. */
  events: number;
  partitions: number;
  /** Items seeded before the fixed-rate run. */
  items: number;
  rate: number;
  /** Seconds of the store-level and sustained HTTP runs. */
  seconds: number;
  /** Seconds of the HTTP run at `rate` (saturates the API on a small machine). */
  httpSeconds: number;
  /** An HTTP rate the API sustains here, for a lag figure through the whole stack. */
  sustainedRate: number;
}

type Json = Record<string, any>;

const KAFKA_SH = join(REPO_ROOT, 'infra', 'kafka', 'kafka.sh');

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  stop(): Promise<void>;
}

function spawnTs(label: string, entry: string, env: Record<string, string>, onLine: (line: string) => void = () => undefined): Child {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let buf = '';
  const waiters: Array<() => void> = [];
  proc.stdout!.on('data', (c: Buffer) => {
    buf += c.toString('utf8');
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      onLine(line);
    }
    for (const w of waiters.splice(0)) w();
  });
  proc.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return {
    proc,
    lines,
    waitFor: (match, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label}: no "${what}" within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const check = () => {
          const hit = lines.find(match);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve(hit);
          } else if (proc.exitCode !== null) {
            clearTimeout(timer);
            reject(new Error(`${label} exited (${proc.exitCode}); stderr: ${stderr}`));
          } else waiters.push(check);
        };
        check();
      }),
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(t);
    },
  };
}

function kafkaSh(cmd: string): string {
  return execFileSync('bash', [KAFKA_SH, cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 }).trim();
}

export async function benchKafka(o: KafkaBenchOptions): Promise<Json> {
  const dir = join(o.dir, 'kafka');
  mkdirSync(dir, { recursive: true });
  let startedBroker = false;
  let brokers: string[];
  if (process.env.KAFKA_BROKERS) brokers = process.env.KAFKA_BROKERS.split(',');
  else {
    let running = false;
    try {
      running = kafkaSh('status').startsWith('running');
    } catch {
      running = false;
    }
    const t0 = Date.now();
    brokers = [kafkaSh('start').split('\n').pop()!];
    startedBroker = !running;
    log(`kafka: broker ${brokers[0]} ${running ? 'already running' : `started in ${Date.now() - t0} ms`}`);
  }
  const kafka = createKafka({ brokers, clientId: 'bench' });
  const result: Json = { brokers: brokers.join(','), partitions: o.partitions, broker_started_by_bench: startedBroker };
  const children: Child[] = [];
  try {
    // ---- 1. relay throughput
    const store = SqliteEventStore.open({ file: join(dir, 'relay.sqlite') });
    log(`kafka: seeding ${o.events.toLocaleString('en-US')} events into a SQLite store`);
    const head = await appendHistory(store, generateHistory({ events: o.events, backlogs: 4, seed: 99 }));
    const topic = `bench-${Date.now()}`;
    const relay = new KafkaRelay({ kafka, store, checkpoint: new FileCheckpoint(join(dir, 'relay.checkpoint')), topic, dlqTopic: `${topic}.dlq`, partitions: o.partitions });
    const r0 = process.hrtime.bigint();
    await relay.start();
    if (!(await relay.waitFor(head, 300_000))) throw new Error('relay did not publish everything within 300 s');
    const relaySeconds = Number(process.hrtime.bigint() - r0) / 1e9;
    await relay.stop();
    result.relay = { events: head, seconds: round(relaySeconds), events_per_s: Math.round(head / relaySeconds), batch: 1000, acks: 'all', idempotent: true };
    log(`kafka: relay ${result.relay.events_per_s} events/s (${head} events in ${result.relay.seconds} s)`);

    // ---- 2. projector throughput (Kafka) next to the embedded projector (store)
    const client = createAnalyticsClient({ kind: 'chdb', path: join(dir, 'chdb'), database: 'bench_kafka' });
    const p0 = process.hrtime.bigint();
    const running = await startKafkaProjector(
      {
        kafka: { brokers, clientId: 'bench-projector', topic, dlqTopic: `${topic}.dlq`, partitions: o.partitions, replicationFactor: 1, groupId: `${topic}-g` },
        analytics: { kind: 'chdb', path: join(dir, 'chdb'), database: 'bench_kafka' },
        batchSize: 5_000,
        flushMs: 100,
        logLevel: 'warn',
      },
      { client, log: () => undefined },
    );
    if (!(await running.projector.waitFor(head, 300_000))) throw new Error('Kafka projector did not catch up within 300 s');
    const kafkaProjSeconds = Number(process.hrtime.bigint() - p0) / 1e9;
    await running.stop();
    await migrate(client, { database: 'bench_embedded' });
    const e0 = process.hrtime.bigint();
    const embedded = new AnalyticsProjector({ client, database: 'bench_embedded', source: new EventStoreSource(store) });
    await embedded.start();
    if (!(await embedded.waitFor(head, 300_000))) throw new Error('embedded projector did not catch up within 300 s');
    const embeddedSeconds = Number(process.hrtime.bigint() - e0) / 1e9;
    await embedded.stop();
    await client.close();
    await store.close();
    result.projector = {
      events: head,
      kafka_seconds: round(kafkaProjSeconds),
      kafka_events_per_s: Math.round(head / kafkaProjSeconds),
      embedded_seconds: round(embeddedSeconds),
      embedded_events_per_s: Math.round(head / embeddedSeconds),
      batch: 5000,
    };
    log(`kafka: projector ${result.projector.kafka_events_per_s} events/s through Kafka; embedded ${result.projector.embedded_events_per_s} events/s`);

    // ---- 3. end-to-end lag at a fixed rate
    const appDir = join(dir, 'app');
    const e2eTopic = `bench-e2e-${Date.now()}`;
    const kafkaEnv = { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC: e2eTopic, KAFKA_TOPIC_PARTITIONS: String(o.partitions), LOG_LEVEL: 'warn' };
    log('kafka: starting the API (LEDGER_PROJECTOR=external), the relay and the projector (child processes)');
    const app = await startLedgerApp({ dataDir: appDir, label: 'app', env: { LEDGER_PROJECTOR: 'external' } });
    const checkpoints: Array<{ position: number; at: number }> = [];
    try {
      const relayChild = spawnTs('relay', 'apps/relay/src/main.ts', { ...kafkaEnv, LEDGER_DATA_DIR: appDir, LOG_LEVEL: 'info' });
      children.push(relayChild);
      await relayChild.waitFor((l) => l.includes('relay starting'), 60_000, 'relay starting');
      const projChild = spawnTs(
        'projector',
        'bench/lib/kafka-projector-child.ts',
        { ...kafkaEnv, LEDGER_DATA_DIR: join(dir, 'projector'), KAFKA_GROUP_ID: `${e2eTopic}-g` },
        (line) => {
          if (line.startsWith('cp ')) {
            const [, p, at] = line.split(' ');
            checkpoints.push({ position: Number(p), at: Number(at) });
          }
        },
      );
      children.push(projChild);
      await projChild.waitFor((l) => l === 'ready', 60_000, 'ready');

      const token = await benchToken('product-leader');
      const created = await requestJson(app.url, 'POST', '/backlogs', { token, body: { name: 'Kafka bench', productGoal: 'Measure the distributed tier end to end.', rationale: RATIONALE } });
      if (created.status !== 201) throw new Error(`create backlog: ${created.status}`);
      const backlogId = created.body.id as string;
      const ids: string[] = [];
      await pool(o.items, 16, async (i) => {
        const res = await requestJson(app.url, 'POST', `/backlogs/${backlogId}/items`, { token, body: { title: `Kafka bench item ${i}`, kind: 'story', rationale: RATIONALE } });
        if (res.status !== 201) throw new Error(`seed item: ${res.status}`);
        ids[i] = res.body.id;
      });
      const seededHead = (await requestJson(app.url, 'GET', '/health')).body.eventStore.headPosition as number;
      const reached = (p: number) => checkpoints.length > 0 && checkpoints[checkpoints.length - 1].position >= p;
      for (let t = 0; !reached(seededHead); t++) {
        if (t > 1200) throw new Error(`pipeline did not reach the seeded head ${seededHead} within 60 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      log(`kafka: ${o.items} items seeded and through the pipeline`);

      /** Waits until the checkpoint covers every accepted decision, then lag = checkpoint written − accepted. */
      const lagOf = async (accepted: Array<{ position: number; at: number }>) => {
        const last = Math.max(0, ...accepted.map((a) => a.position));
        const drainStart = Date.now();
        while (!reached(last) && Date.now() - drainStart < 60_000) await new Promise((r) => setTimeout(r, 20));
        const lags: number[] = [];
        let missing = 0;
        for (const a of accepted) {
          const cp = checkpoints.find((c) => c.position >= a.position);
          if (!cp) missing++;
          else lags.push(Math.max(0, cp.at - a.at));
        }
        return { lag_ms: summarize(lags), not_visible_after_60s: missing };
      };

      // (a) 1,000 decisions/s appended straight to the store (accepted = the durable append returned): the
      // distributed tier's own lag at the target rate, without the HTTP layer's ceiling (~400/s, see above).
      const storeWriter = SqliteEventStore.open({ file: join(appDir, 'events.sqlite') });
      const history = generateHistory({ events: o.rate * o.seconds, backlogs: 4, seed: 7 });
      log(`kafka: (a) ${o.rate} decisions/s appended to the store for ${o.seconds} s`);
      const acceptedA: Array<{ position: number; at: number }> = [];
      const a0 = Date.now();
      let late = 0;
      // Open loop: each append is issued at its scheduled time without waiting for earlier ones (appends to one
      // stream are chained, for their expected revisions); the store group-commits what is queued together.
      const chains = new Map<string, Promise<void>>();
      for (let i = 0; i < history.length; i++) {
        const due = a0 + (i * 1000) / o.rate;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        else if (-wait > 100) late++;
        const e = history[i];
        const next = (chains.get(e.streamId) ?? Promise.resolve()).then(async () => {
          const res = await storeWriter.append(e.streamId, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.revision === 0 ? 'no-stream' : e.revision - 1);
          acceptedA.push({ position: res.position, at: Date.now() });
        });
        chains.set(e.streamId, next);
      }
      await Promise.all(chains.values());
      const aSeconds = (Date.now() - a0) / 1000;
      await storeWriter.close();
      const storeLevel = { target_rate_per_s: o.rate, achieved_per_s: Math.round(acceptedA.length / aSeconds), appended: acceptedA.length, late_over_100ms: late, ...(await lagOf(acceptedA)) };
      log(`kafka: (a) lag p50 ${storeLevel.lag_ms.p50_ms} ms, p99 ${storeLevel.lag_ms.p99_ms} ms at ${storeLevel.achieved_per_s}/s`);

      // (b) through the API: at the target rate (above the API's capacity on this machine) and at a rate it sustains.
      const viaHttp = async (rate: number, seconds: number) => {
        log(`kafka: (b) ${rate} reprioritizations/s over HTTP for ${seconds} s`);
        const accepted: Array<{ position: number; at: number }> = [];
        const paced = await runPaced(`kafka e2e ${rate}/s`, {
          baseUrl: app.url,
          rate,
          seconds,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          next: () => ({
            method: 'POST',
            path: `/items/${ids[Math.floor(Math.random() * ids.length)]}/reprioritize`,
            body: JSON.stringify({ toPosition: 1 + Math.floor(Math.random() * ids.length), rationale: RATIONALE }),
          }),
          onResponse: (_i, status, body) => {
            if (status >= 200 && status < 300) accepted.push({ position: JSON.parse(body).position, at: Date.now() });
          },
        });
        const r = {
          target_rate_per_s: rate,
          achieved_per_s: paced.achieved_per_s,
          saturated: paced.saturated,
          stopped_after_s: paced.stopped_after_s,
          accepted: accepted.length,
          http_latency: paced.latency,
          ...(await lagOf(accepted)),
        };
        log(`kafka: (b) ${rate}/s: lag p50 ${r.lag_ms.p50_ms} ms, p99 ${r.lag_ms.p99_ms} ms at ${r.achieved_per_s}/s${r.saturated ? ' (API saturated)' : ''}`);
        return r;
      };
      const httpTarget = await viaHttp(o.rate, o.httpSeconds);
      await new Promise((r) => setTimeout(r, 3_000)); // let the API drain what the saturated run queued
      const httpSustained = await viaHttp(o.sustainedRate, o.seconds);
      result.e2e = {
        store_level: storeLevel,
        http_target: httpTarget,
        http_sustained: httpSustained,
        checkpoints_written: checkpoints.length,
        settings: 'defaults: RELAY_POLL_MS=50, RELAY_WATERMARK_MS=20, PROJECTOR_FLUSH_MS=100, PROJECTOR_BATCH_SIZE=5000, 3 partitions',
      };
    } finally {
      for (const c of children.reverse()) await c.stop();
      await app.stop();
    }
  } finally {
    if (startedBroker) {
      kafkaSh('stop');
      log('kafka: broker stopped');
    }
  }
  return result;
}
