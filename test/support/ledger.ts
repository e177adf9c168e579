import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FixedClock, type Clock } from '@ledger/kernel';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/config';
import { signToken } from '../../apps/api/src/auth/token-signer';
import type { Principal } from '../../apps/api/src/auth/principal';
import { JsonLogger } from '../../apps/api/src/shared/json-logger';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface Ledger {
  url: string;
  app: NestFastifyApplication;
  config: AppConfig;
  dataDir: string;
  clock: FixedClock;
  token(role: Principal['role'], sub?: string, backlogs?: string[], opts?: { ttlSeconds?: number; now?: Date }): Promise<string>;
  request<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** Starts the real application (SQLite store, read model, auth) on an ephemeral port in a temp data dir. */
export async function startLedger(
  opts: { dataDir?: string; clock?: FixedClock; keepData?: boolean; env?: Record<string, string>; logger?: JsonLogger; port?: number } = {},
): Promise<Ledger> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const clock = opts.clock ?? new FixedClock(new Date('2026-01-05T09:00:00.000Z'));
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', PORT: '0', ...opts.env });
  const app = await createApp(config, { clock: clock as Clock, logger: opts.logger ?? new JsonLogger('silent') });
  // A fixed port when the URL must be known before the start (an OpenID provider's registered redirect URI).
  await app.listen(opts.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const secret = new TextEncoder().encode(TEST_SECRET);
  return {
    url,
    app,
    config,
    dataDir,
    clock,
    token: (role, sub = `${role}-1`, backlogs = [], o = {}) =>
      signToken(secret, { sub, role, backlogs }, { ttlSeconds: o.ttlSeconds ?? 3600, now: o.now ?? new Date() }),
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined = o.rawBody;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      const ct = res.headers.get('content-type') ?? '';
      if (ct.includes('json') && !ct.includes('ndjson')) parsed = text ? JSON.parse(text) : null;
      return { status: res.status, headers: res.headers, body: parsed as any, text };
    },
    async close() {
      await app.close();
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The SQLite events file of an embedded-tier test ledger (tests that open the store directly). */
export function sqliteEventsFile(config: AppConfig): string {
  if (config.eventStore.kind !== 'sqlite') throw new Error(`this test needs the SQLite event store, not ${config.eventStore.kind}`);
  return config.eventStore.file;
}
