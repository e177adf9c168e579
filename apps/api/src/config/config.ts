import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { analyticsConfigFromEnv, type AnalyticsConfig } from '@ledger/analytics';

export type JwtConfig =
  | { mode: 'hs256'; secret: Uint8Array; secretFile: string | null; issuer?: string; audience?: string }
  | { mode: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  /** LEDGER_EVENT_STORE: sqlite (embedded default) or eventstoredb (EVENTSTORE_URL). */
  eventStore: EventStoreConfig;
  readModelFile: string;
  /** chDB under the data dir by default; CLICKHOUSE_URL switches to a server. */
  analytics: AnalyticsConfig;
  apiStateFile: string;
  jwt: JwtConfig;
  bodyLimitBytes: number;
  /** How long reads wait for the read model to catch up with the store before answering 503. */
  readYourWritesTimeoutMs: number;
  /** Review forums: their read model (rebuildable) and how often the scheduler ticks (0 = only at start). */
  forums: { indexFile: string; tickMs: number; scheduler: boolean };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Webhook outbox and signing (ADR 0015). */
  webhooks: WebhooksConfig;
  /** 'embedded': the API projects analytics in-process; 'external': apps/projector does (Kafka), the API reads its checkpoint. */
  projector: 'embedded' | 'external';
  /**
   * Several API processes (ADR 0031): LEDGER_API_PROCESSES workers share the port, the store and the data dir;
   * `worker` is this process's number (1..n, set by the primary; 0 when not one of several).
   */
  cluster: { processes: number; worker: number };
}

export interface WebhooksConfig {
  /** LEDGER_WEBHOOKS_ALLOW_INSECURE=true: plain http to loopback hosts (tests, local development). */
  allowInsecure: boolean;
  /** Outbox, delivery attempts and checkpoint (SQLite). */
  stateFile: string;
  /** Master key the signing secrets derive from: LEDGER_WEBHOOK_KEY, else this file (generated on first use). */
  key: string | null;
  keyFile: string;
  /**
   * LEDGER_WEBHOOKS_DISPATCH (default true): this process sends webhook deliveries. With several API replicas,
   * turn it on in exactly one (each replica's outbox is its own), so a delivery is not sent once per replica.
   */
  dispatch: boolean;
  /**
   * An API worker that does not dispatch (ADR 0031) reads the outbox the dispatching worker writes in the same
   * file, waiting on its checkpoint, instead of answering WEBHOOKS.NOT_DISPATCHED_HERE.
   */
  sharedOutbox: boolean;
}

export type EventStoreConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'eventstoredb'; url: string };

export class ConfigError extends Error {}

const SECRET_FILE = 'jwt-secret';

/** Reads the environment once; the only place that knows env var names. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const jwks = env.LEDGER_JWKS_URL;
  const issuer = env.LEDGER_JWT_ISSUER || undefined;
  const audience = env.LEDGER_JWT_AUDIENCE || undefined;
  let jwt: JwtConfig;
  if (jwks) {
    if (!/^https?:\/\//.test(jwks)) throw new ConfigError(`LEDGER_JWKS_URL must be an http(s) URL, got "${jwks}"`);
    jwt = { mode: 'jwks', jwksUrl: jwks, issuer, audience };
  } else if (env.LEDGER_JWT_SECRET) {
    if (env.LEDGER_JWT_SECRET.length < 32) {
      throw new ConfigError('LEDGER_JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)');
    }
    jwt = { mode: 'hs256', secret: new TextEncoder().encode(env.LEDGER_JWT_SECRET), secretFile: null, issuer, audience };
  } else {
    const secretFile = join(dataDir, SECRET_FILE);
    jwt = { mode: 'hs256', secret: loadOrCreateSecret(dataDir), secretFile, issuer, audience };
  }
  const level = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent; got "${level}"`);
  }
  const projector = env.LEDGER_PROJECTOR || 'embedded';
  if (projector !== 'embedded' && projector !== 'external') {
    throw new ConfigError(`LEDGER_PROJECTOR must be "embedded" or "external", got "${projector}"`);
  }
  const processes = intVar(env, 'LEDGER_API_PROCESSES', 1, 1, 16);
  // Set by the primary of several API processes in each worker it forks (not a setting for operators).
  const worker = intVar(env, 'LEDGER_API_WORKER', 0, 0, 16);
  const eventStore = eventStoreFromEnv(env, dataDir);
  if (processes > 1 && eventStore.kind !== 'sqlite') {
    throw new ConfigError('LEDGER_API_PROCESSES > 1 is for the embedded SQLite store; with EventStoreDB run API replicas instead (docs/distributed-tier.md)');
  }
  /** Each worker keeps its own rebuildable read models; worker 1 the files a single process uses. */
  const own = (name: string) => join(dataDir, worker > 1 ? `${name}-${worker}.sqlite` : `${name}.sqlite`);
  const webhooks = webhooksFromEnv(env, dataDir);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    eventStore,
    readModelFile: own('read-model'),
    analytics: analyticsFromEnv(env, dataDir),
    apiStateFile: join(dataDir, 'api-state.sqlite'),
    jwt,
    bodyLimitBytes: intVar(env, 'LEDGER_BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    readYourWritesTimeoutMs: intVar(env, 'LEDGER_READ_WAIT_MS', 2000, 0, 60000),
    // The scheduler's passes (closing proposals, nominating) run in one worker; the others serve forum reads.
    forums: { indexFile: own('forum-index'), tickMs: intVar(env, 'LEDGER_FORUM_TICK_MS', 30000, 0, 86_400_000), scheduler: worker <= 1 },
    logLevel: level,
    // Worker 1 dispatches (if configured to); the others read its outbox.
    webhooks: worker > 1 ? { ...webhooks, dispatch: false, sharedOutbox: true } : webhooks,
    // In workers the primary runs the analytics projector: they read its checkpoint (ADR 0031).
    projector: worker > 0 ? 'external' : projector,
    cluster: { processes, worker },
  };
}

/** The embedded default generates a 256-bit secret into the data dir on first start. */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function eventStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EventStoreConfig {
  const kind = env.LEDGER_EVENT_STORE || 'sqlite';
  if (kind === 'sqlite') {
    return { kind, file: env.LEDGER_SQLITE_FILE ? resolve(env.LEDGER_SQLITE_FILE) : join(dataDir, 'events.sqlite') };
  }
  if (kind === 'eventstoredb') {
    const url = env.EVENTSTORE_URL;
    if (!url) {
      throw new ConfigError('LEDGER_EVENT_STORE=eventstoredb needs EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false');
    }
    if (!/^esdb(\+discover)?:\/\/[^/?#\s]+/.test(url)) {
      throw new ConfigError(
        `EVENTSTORE_URL must be an EventStoreDB connection string (esdb://host:2113?tls=false or esdb+discover://…), got "${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}"`,
      );
    }
    return { kind, url };
  }
  throw new ConfigError(`LEDGER_EVENT_STORE must be "sqlite" or "eventstoredb", got "${kind}"`);
}

function analyticsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): AnalyticsConfig {
  try {
    return analyticsConfigFromEnv(env, dataDir);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}

function webhooksFromEnv(env: NodeJS.ProcessEnv, dataDir: string): WebhooksConfig {
  const insecure = env.LEDGER_WEBHOOKS_ALLOW_INSECURE ?? 'false';
  if (insecure !== 'true' && insecure !== 'false') {
    throw new ConfigError(`LEDGER_WEBHOOKS_ALLOW_INSECURE must be "true" or "false", got "${insecure}"`);
  }
  const dispatch = env.LEDGER_WEBHOOKS_DISPATCH ?? 'true';
  if (dispatch !== 'true' && dispatch !== 'false') {
    throw new ConfigError(`LEDGER_WEBHOOKS_DISPATCH must be "true" or "false", got "${dispatch}"`);
  }
  const key = env.LEDGER_WEBHOOK_KEY || null;
  if (key !== null && key.length < 32) throw new ConfigError('LEDGER_WEBHOOK_KEY must be at least 32 characters');
  return {
    allowInsecure: insecure === 'true',
    stateFile: join(dataDir, 'webhooks.sqlite'),
    key,
    keyFile: join(dataDir, 'webhook-key'),
    dispatch: dispatch === 'true',
    sharedOutbox: false,
  };
}
