import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdirSync } from 'node:fs';
import type { AnalyticsConfig } from './analytics-config';

/**
 * The only place that knows how analytics are reached. Everything else talks `@clickhouse/client`:
 * the same SQL and calls against chDB (in-process) and a ClickHouse server.
 */
export function createAnalyticsClient(config: AnalyticsConfig, connection?: unknown): ClickHouseClient {
  if (connection !== undefined) {
    // A connection made elsewhere: the embedded engine of another process, reached over IPC (ADR 0031).
    return createClient({ connection: connection as never, clickhouse_settings: { date_time_input_format: 'best_effort' } });
  }
  if (config.kind === 'server') {
    return createClient({
      url: config.url,
      username: config.username,
      password: config.password,
      request_timeout: 60_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
  }
  return createAnalyticsClient(config, createChdbConnection(config));
}

/** The embedded engine's connection (one per process and data dir), for a client here or served to other processes. */
export function createChdbConnection(config: Extract<AnalyticsConfig, { kind: 'chdb' }>): unknown {
  mkdirSync(config.path, { recursive: true });
  // chdb is loaded lazily so a server deployment never loads the embedded engine. (Its subpath export has
  // no types under this repo's CommonJS module resolution, hence the structural type.)
  const chdb = require('chdb/connection') as { createChdbConnection(options: { path: string }): unknown };
  return chdb.createChdbConnection({ path: config.path });
}
