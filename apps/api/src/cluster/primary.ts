import cluster, { type Worker } from 'node:cluster';
import type { ClickHouseClient } from '@clickhouse/client';
import { AnalyticsProjector, EventStoreSource, createAnalyticsClient, createChdbConnection, migrate } from '@ledger/analytics';
import { SqliteEventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/config';
import { JsonLogger } from '../shared/json-logger';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { FIRST_ADMIN_PREFIX, newLinkToken } from '../sign-in/first-admin-link';
import { serveCall, type ChCall } from './clickhouse-ipc';

/** A worker that dies this many times within RESTART_WINDOW_MS stops the whole API (a crash loop). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const SHUTDOWN_GRACE_MS = 15_000;

export interface WorkerReady {
  t: 'listening';
  url: string;
  /** The first admin's sign-in link, when one is waiting (the same secret in every worker). */
  firstAdmin: string | null;
}

/**
 * LEDGER_API_PROCESSES > 1 (ADR 0031): this process forks the API workers, which share the port (the cluster
 * module hands out connections round-robin), the event store, the idempotency records and the data dir. It owns
 * what must exist once: the embedded analytics engine (migrated here, served to the workers over IPC) and the one
 * analytics projector. Worker 1 also dispatches webhooks and runs the forum scheduler's passes. A worker that dies
 * is replaced; SIGTERM stops the workers (each finishes its in-flight decisions), then the projector.
 */
export async function runPrimary(config: AppConfig, banner: (url: string, firstAdmin: string | null) => string): Promise<void> {
  const logger = new JsonLogger(config.logLevel);
  WebhookSecrets.fromConfig(config.webhooks); // generated once here, not raced by the workers
  // One first-admin secret for all workers (each keeps it in memory only), so the printed link works on any of them.
  const firstAdminToken = newLinkToken(FIRST_ADMIN_PREFIX);

  let chConnection: unknown;
  let client: ClickHouseClient | null = null;
  if (config.analytics.kind === 'chdb') {
    chConnection = createChdbConnection(config.analytics);
    client = createAnalyticsClient(config.analytics, chConnection);
  } else if (config.projector === 'embedded') {
    client = createAnalyticsClient(config.analytics);
  }
  if (client) {
    await migrate(client, { database: config.analytics.database, cluster: config.analytics.cluster }, (line) => logger.info(line));
  }
  let store: SqliteEventStore | null = null;
  let projector: AnalyticsProjector | null = null;
  if (config.projector === 'embedded' && client && config.eventStore.kind === 'sqlite') {
    // The workers commit; this process follows by polling the store's head every 50 ms.
    store = SqliteEventStore.open({ file: config.eventStore.file, pollIntervalMs: 50 });
    projector = new AnalyticsProjector({
      client,
      database: config.analytics.database,
      source: new EventStoreSource(store),
      log: (level, message, fields) => logger[level === 'info' ? 'info' : level](message, fields ?? {}),
    });
    await projector.start();
  }

  cluster.setupPrimary({ serialization: 'advanced' });
  const workers = new Map<number, Worker>();
  const restarts = new Map<number, number[]>();
  let stopping = false;
  let listening = 0;
  let announced = false;
  let firstAdmin: string | null = null;

  const fork = (n: number) => {
    const worker = cluster.fork({ LEDGER_API_WORKER: String(n), LEDGER_API_FIRST_ADMIN_TOKEN: firstAdminToken });
    workers.set(n, worker);
    worker.on('message', (m: ChCall | WorkerReady) => {
      if (!m || typeof m !== 'object') return;
      if (m.t === 'ch:call') {
        void serveCall(chConnection, m).then((reply) => {
          if (worker.isConnected()) worker.send(reply);
        });
      } else if (m.t === 'listening' && !announced) {
        listening += 1;
        firstAdmin ??= m.firstAdmin;
        if (listening === config.cluster.processes) {
          announced = true;
          process.stdout.write(banner(m.url, firstAdmin));
        }
      }
    });
    worker.on('exit', (code, signal) => {
      if (workers.get(n) === worker) workers.delete(n);
      if (stopping) return;
      const now = Date.now();
      const recent = [...(restarts.get(n) ?? []), now].filter((t) => now - t < RESTART_WINDOW_MS);
      restarts.set(n, recent);
      if (recent.length > MAX_RESTARTS) {
        logger.error('API worker keeps dying; stopping the API', { worker: n, code, signal });
        void shutdown(1);
        return;
      }
      logger.error('API worker died; starting a new one', { worker: n, code, signal });
      setTimeout(() => !stopping && fork(n), 500);
    });
  };

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping the API workers', { workers: workers.size });
    const exited = [...workers.values()].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of workers.values()) w.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      logger.warn('API workers did not stop in time; killing them', {});
      for (const w of workers.values()) w.process.kill('SIGKILL');
    }, SHUTDOWN_GRACE_MS);
    await Promise.all(exited);
    clearTimeout(timer);
    await projector?.stop();
    await store?.close();
    await client?.close();
    process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(0));

  for (let n = 1; n <= config.cluster.processes; n++) fork(n);
}
