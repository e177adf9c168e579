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
  eventStore: { kind: 'sqlite'; file: string };
  readModelFile: string;
  /** chDB under the data dir by default; CLICKHOUSE_URL switches to a server. */
  analytics: AnalyticsConfig;
  apiStateFile: string;
  jwt: JwtConfig;
  bodyLimitBytes: number;
  /** How long reads wait for the read model to catch up with the store before answering 503. */
  readYourWritesTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** 'embedded': the API projects analytics in-process; 'external': apps/projector does (Kafka), the API reads its checkpoint. */
  projector: 'embedded' | 'external';
}

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
  const storeKind = env.LEDGER_EVENT_STORE ?? 'sqlite';
  if (storeKind !== 'sqlite') {
    throw new ConfigError(`LEDGER_EVENT_STORE="${storeKind}" is not available in this build; use "sqlite"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    eventStore: { kind: 'sqlite', file: env.LEDGER_SQLITE_FILE ? resolve(env.LEDGER_SQLITE_FILE) : join(dataDir, 'events.sqlite') },
    readModelFile: join(dataDir, 'read-model.sqlite'),
    analytics: analyticsFromEnv(env, dataDir),
    apiStateFile: join(dataDir, 'api-state.sqlite'),
    jwt,
    bodyLimitBytes: intVar(env, 'LEDGER_BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    readYourWritesTimeoutMs: intVar(env, 'LEDGER_READ_WAIT_MS', 2000, 0, 60000),
    logLevel: level,
    projector,
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

function analyticsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): AnalyticsConfig {
  try {
    return analyticsConfigFromEnv(env, dataDir);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}
