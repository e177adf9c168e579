import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { AnalyticsConfig } from './analytics-config';

/**
 * The only place that knows how analytics are reached. Everything else talks `@clickhouse/client`:
 * the same SQL and calls against chDB (in-process) and a ClickHouse server.
 */
export function createAnalyticsClient(config: AnalyticsConfig): ClickHouseClient {
  if (config.kind === 'server') {
    return createClient({
      url: config.url,
      username: config.username,
      password: config.password,
      request_timeout: 60_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
  }
  mkdirSync(config.path, { recursive: true });
  stdinToDevNull();
  // chdb is loaded lazily so a server deployment never loads the embedded engine. (Its subpath export has
  // no types under this repo's CommonJS module resolution, hence the structural type.)
  const { createChdbConnection } = require('chdb/connection') as {
    createChdbConnection(options: { path: string }): unknown;
  };
  return createClient({
    connection: createChdbConnection({ path: config.path }) as never,
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  });
}

/**
 * chDB runs clickhouse-local inside this process, and clickhouse-local takes a stdin that is not a terminal and
 * has data as the data of every INSERT: with the process's stdin a file or a pipe with something in it (`npm start
 * < file`, a supervisor or CI runner that pipes stdin), every analytics insert failed ("Processing async inserts with
 * both inlined and external data") or parsed stdin instead, and the projection never moved (analytics 503s). Nothing
 * here reads stdin, so fd 0 becomes /dev/null (empty: clickhouse-local ignores it) before the engine loads.
 */
export function stdinToDevNull(): void {
  if (isatty(0)) return;
  try {
    closeSync(0);
  } catch {
    // fd 0 was not open: the open below takes it
  }
  const fd = openSync('/dev/null', 'r'); // the lowest free descriptor: 0
  if (fd !== 0) closeSync(fd); // another thread took fd 0 in between (not expected while starting): leave it
}
