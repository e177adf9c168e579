import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { analyticsConfigFromEnv, type AnalyticsConfig } from '@ledger/analytics';
import type { Principal } from '../auth/principal';

export type JwtConfig =
  | { mode: 'hs256'; secret: Uint8Array; secretFile: string | null; issuer?: string; audience?: string }
  /** jwksUrl absent: found through the issuer's discovery document (OIDC). `claims` set: provider claims map to roles. */
  | { mode: 'jwks'; jwksUrl?: string; issuer?: string; audience?: string; claims?: ClaimMapping };

/** How an OpenID provider's token claims become a role, backlogs and a display name (ADR 0024). */
export interface ClaimMapping {
  /** Claim holding the role value(s); a dotted path reaches nested claims (`realm_access.roles`). */
  roleClaim: string;
  /** provider value → ledger role, in precedence order (the first entry present wins); null: the claim holds ledger role names. */
  roleMap: [string, Principal['role']][] | null;
  backlogsClaim: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  scopes: string;
  /** `aud` the API requires in the provider's access tokens (LEDGER_JWT_AUDIENCE, default the client id). */
  audience: string;
}

export interface SessionsConfig {
  /** How long a web session lasts (LEDGER_SESSION_TTL_MINUTES; default 7 days with sign-in links, 8 hours with OIDC). */
  ttlMs: number;
  /** HS256 key of the session cookie's token: LEDGER_SESSION_SECRET, else the API-token secret (generated in the data dir). */
  secret: Uint8Array;
}

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
  /** Web sign-in with an OpenID provider (LEDGER_OIDC_ISSUER + LEDGER_OIDC_CLIENT_ID); null: embedded links. */
  oidc: OidcConfig | null;
  sessions: SessionsConfig;
  bodyLimitBytes: number;
  /** How long reads wait for the read model to catch up with the store before answering 503. */
  readYourWritesTimeoutMs: number;
  /** Review forums: their read model (rebuildable) and how often the scheduler ticks (0 = only at start). */
  forums: { indexFile: string; tickMs: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Webhook outbox and signing (ADR 0015). */
  webhooks: WebhooksConfig;
  /** 'embedded': the API projects analytics in-process; 'external': apps/projector does (Kafka), the API reads its checkpoint. */
  projector: 'embedded' | 'external';
  /** The built web app (index.html + assets/) served under /app/ (LEDGER_WEB_DIR; default apps/web/dist, ADR 0020). */
  webDir: string;
  /** Prometheus metrics (ADR 0028): who may scrape, and where. */
  metrics: MetricsConfig;
  /** GET /health/ready: the largest lag (events) of a read model that still counts as ready. */
  readyMaxLagEvents: number;
  /** Requests per window per principal and per client address (ADR 0028); 0 = no limit for that tier. */
  rateLimit: RateLimitConfig;
  /** LEDGER_TRUST_PROXY: take the client address from X-Forwarded-For (behind a reverse proxy you run). */
  trustProxy: boolean;
  /** OpenTelemetry traces over OTLP/HTTP; null (the default) = off, the SDK is never loaded. */
  tracing: TracingConfig | null;
}

export interface MetricsConfig {
  /** LEDGER_METRICS_TOKEN: GET /metrics on the API port answers only to `Authorization: Bearer <token>`. */
  token: string | null;
  /** LEDGER_METRICS_PORT (+ LEDGER_METRICS_HOST, default 127.0.0.1): a separate listener serving only /metrics. */
  listen: { host: string; port: number } | null;
}

export interface RateLimitConfig {
  windowMs: number;
  /** Authenticated requests, counted per token subject. */
  perPrincipal: number;
  /** Requests without a valid token, counted per client address. */
  perAddress: number;
}

export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans go to <endpoint>/v1/traces (OTLP/HTTP, JSON). */
  endpoint: string;
  /** OTEL_SERVICE_NAME, default backlog-ledger-api. */
  serviceName: string;
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
  const oidc = oidcFromEnv(env);
  if (oidc) {
    if (jwks && !/^https?:\/\//.test(jwks)) throw new ConfigError(`LEDGER_JWKS_URL must be an http(s) URL, got "${jwks}"`);
    if (issuer && issuer !== oidc.issuer) throw new ConfigError('LEDGER_JWT_ISSUER must be unset or equal LEDGER_OIDC_ISSUER');
    oidc.audience = audience ?? oidc.clientId;
    jwt = { mode: 'jwks', jwksUrl: jwks || undefined, issuer: oidc.issuer, audience: oidc.audience, claims: claimMappingFromEnv(env) };
  } else if (jwks) {
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
  const sessionSecret = env.LEDGER_SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret !== '' && sessionSecret.length < 32) {
    throw new ConfigError('LEDGER_SESSION_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)');
  }
  if (!sessionSecret && jwt.mode === 'jwks' && (env.LEDGER_EVENT_STORE ?? 'sqlite') === 'eventstoredb') {
    throw new ConfigError('with an identity provider and EventStoreDB (several replicas), set the same LEDGER_SESSION_SECRET (≥ 32 characters) on every replica');
  }
  const sessions: SessionsConfig = {
    // With sign-in links a person needs a new invitation once the session ends; with a provider, signing in again is a click.
    ttlMs: intVar(env, 'LEDGER_SESSION_TTL_MINUTES', oidc ? 480 : 7 * 24 * 60, 5, 43_200) * 60_000,
    secret: sessionSecret ? new TextEncoder().encode(sessionSecret) : jwt.mode === 'hs256' ? jwt.secret : loadOrCreateSecret(dataDir),
  };
  const level = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent; got "${level}"`);
  }
  const projector = env.LEDGER_PROJECTOR || 'embedded';
  if (projector !== 'embedded' && projector !== 'external') {
    throw new ConfigError(`LEDGER_PROJECTOR must be "embedded" or "external", got "${projector}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    eventStore: eventStoreFromEnv(env, dataDir),
    readModelFile: join(dataDir, 'read-model.sqlite'),
    analytics: analyticsFromEnv(env, dataDir),
    apiStateFile: join(dataDir, 'api-state.sqlite'),
    jwt,
    oidc,
    sessions,
    bodyLimitBytes: intVar(env, 'LEDGER_BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    readYourWritesTimeoutMs: intVar(env, 'LEDGER_READ_WAIT_MS', 2000, 0, 60000),
    forums: { indexFile: join(dataDir, 'forum-index.sqlite'), tickMs: intVar(env, 'LEDGER_FORUM_TICK_MS', 30000, 0, 86_400_000) },
    logLevel: level,
    webhooks: webhooksFromEnv(env, dataDir),
    projector,
    webDir: env.LEDGER_WEB_DIR ? resolve(env.LEDGER_WEB_DIR) : defaultWebDir(),
    metrics: metricsFromEnv(env),
    readyMaxLagEvents: intVar(env, 'LEDGER_READY_MAX_LAG_EVENTS', 5_000, 0, 1_000_000_000),
    rateLimit: {
      windowMs: intVar(env, 'LEDGER_RATE_LIMIT_WINDOW_MS', 10_000, 1_000, 3_600_000),
      perPrincipal: intVar(env, 'LEDGER_RATE_LIMIT_PRINCIPAL', 50_000, 0, 1_000_000_000),
      perAddress: intVar(env, 'LEDGER_RATE_LIMIT_ADDRESS', 300, 0, 1_000_000_000),
    },
    trustProxy: boolVar(env, 'LEDGER_TRUST_PROXY', false),
    tracing: tracingFromEnv(env),
  };
}

function boolVar(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be "true" or "false", got "${raw}"`);
  return raw === 'true';
}

function metricsFromEnv(env: NodeJS.ProcessEnv): MetricsConfig {
  const token = env.LEDGER_METRICS_TOKEN || null;
  if (token !== null && (token.length < 16 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new ConfigError('LEDGER_METRICS_TOKEN must be at least 16 visible ASCII characters (it is sent as a bearer token)');
  }
  const hasPort = env.LEDGER_METRICS_PORT !== undefined && env.LEDGER_METRICS_PORT !== '';
  if (!hasPort && env.LEDGER_METRICS_HOST) throw new ConfigError('LEDGER_METRICS_HOST needs LEDGER_METRICS_PORT');
  const listen = hasPort ? { host: env.LEDGER_METRICS_HOST || '127.0.0.1', port: intVar(env, 'LEDGER_METRICS_PORT', 0, 0, 65535) } : null;
  return { token, listen };
}

function tracingFromEnv(env: NodeJS.ProcessEnv): TracingConfig | null {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  if (!/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL of an OTLP/HTTP collector (e.g. http://localhost:4318), got "${endpoint}"`);
  }
  return { endpoint: endpoint.replace(/\/+$/, ''), serviceName: env.OTEL_SERVICE_NAME || 'backlog-ledger-api' };
}

/**
 * What an embedded ledger keeps in its data directory, read from the environment alone, without creating anything
 * (loadConfig generates missing secrets): the backup and restore commands use it (ADR 0029).
 */
export interface DataLayout {
  dataDir: string;
  eventStore: EventStoreConfig;
  apiStateFile: string;
  webhooksFile: string;
  /** null when the secret comes from LEDGER_JWT_SECRET or tokens are verified against LEDGER_JWKS_URL. */
  jwtSecretFile: string | null;
  /** null when the key comes from LEDGER_WEBHOOK_KEY. */
  webhookKeyFile: string | null;
  /** Rebuilt from the events, never backed up: */
  readModelFile: string;
  forumIndexFile: string;
  /** chDB's directory; null with CLICKHOUSE_URL. */
  analyticsDir: string | null;
}

export function dataLayout(env: NodeJS.ProcessEnv = process.env): DataLayout {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  return {
    dataDir,
    eventStore: eventStoreFromEnv(env, dataDir),
    apiStateFile: join(dataDir, 'api-state.sqlite'),
    webhooksFile: join(dataDir, 'webhooks.sqlite'),
    jwtSecretFile: env.LEDGER_JWKS_URL || env.LEDGER_JWT_SECRET ? null : join(dataDir, SECRET_FILE),
    webhookKeyFile: env.LEDGER_WEBHOOK_KEY ? null : join(dataDir, 'webhook-key'),
    readModelFile: join(dataDir, 'read-model.sqlite'),
    forumIndexFile: join(dataDir, 'forum-index.sqlite'),
    analyticsDir: env.CLICKHOUSE_URL ? null : join(dataDir, 'analytics'),
  };
}

/** apps/web/dist under the repository root, found from this file whether it runs from source or from dist/. */
export function defaultWebDir(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'apps', 'web', 'dist');
    if (dirname(dir) === dir) return resolve('apps', 'web', 'dist');
  }
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
  return { allowInsecure: insecure === 'true', stateFile: join(dataDir, 'webhooks.sqlite'), key, keyFile: join(dataDir, 'webhook-key'), dispatch: dispatch === 'true' };
}

const PERSON_ROLES: readonly Principal['role'][] = ['admin', 'product-owner', 'product-leader', 'stakeholder', 'forum-member', 'auditor'];

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.LEDGER_OIDC_ISSUER || undefined;
  const clientId = env.LEDGER_OIDC_CLIENT_ID || undefined;
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) throw new ConfigError('set both LEDGER_OIDC_ISSUER and LEDGER_OIDC_CLIENT_ID to sign in with an identity provider');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`LEDGER_OIDC_ISSUER must be the provider's issuer URL, got "${issuer}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
    throw new ConfigError(`LEDGER_OIDC_ISSUER must be https (plain http only on loopback), got "${issuer}"`);
  }
  const scopes = (env.LEDGER_OIDC_SCOPES || 'openid profile email').trim().split(/\s+/);
  if (!scopes.includes('openid')) throw new ConfigError('LEDGER_OIDC_SCOPES must include "openid"');
  return { issuer, clientId, scopes: scopes.join(' '), audience: clientId };
}

function claimMappingFromEnv(env: NodeJS.ProcessEnv): ClaimMapping {
  const raw = (env.LEDGER_OIDC_ROLE_MAP ?? '').trim();
  let roleMap: ClaimMapping['roleMap'] = null;
  if (raw) {
    roleMap = raw.split(',').map((pair) => {
      const eq = pair.lastIndexOf('=');
      const value = pair.slice(0, eq).trim();
      const role = pair.slice(eq + 1).trim() as Principal['role'];
      if (eq <= 0 || !value || !PERSON_ROLES.includes(role)) {
        throw new ConfigError(
          `LEDGER_OIDC_ROLE_MAP must be "provider-value=role,…" with roles among ${PERSON_ROLES.join(', ')}; got "${pair.trim()}"`,
        );
      }
      return [value, role];
    });
  }
  return {
    roleClaim: env.LEDGER_OIDC_ROLE_CLAIM || 'roles',
    roleMap,
    backlogsClaim: env.LEDGER_OIDC_BACKLOGS_CLAIM || 'backlogs',
  };
}
