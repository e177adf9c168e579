/** Where analytics live: chDB in-process (embedded default) or a ClickHouse server / cluster. */
export type AnalyticsConfig =
  | { kind: 'chdb'; path: string; database: string; cluster?: undefined }
  | { kind: 'server'; url: string; username?: string; password?: string; database: string; cluster?: string };

/** Reads CLICKHOUSE_* env vars; without CLICKHOUSE_URL, chDB under `<dataDir>/analytics`. */
export function analyticsConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): AnalyticsConfig {
  const database = env.CLICKHOUSE_DATABASE || 'ledger';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(database)) {
    throw new Error(`CLICKHOUSE_DATABASE must be an identifier (letters, digits, _), got "${database}"`);
  }
  const cluster = env.CLICKHOUSE_CLUSTER || undefined;
  if (cluster && !/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(cluster)) {
    throw new Error(`CLICKHOUSE_CLUSTER must be a cluster name, got "${cluster}"`);
  }
  if (env.CLICKHOUSE_URL) {
    return {
      kind: 'server',
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER || undefined,
      password: env.CLICKHOUSE_PASSWORD || undefined,
      database,
      cluster,
    };
  }
  if (cluster) throw new Error('CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL (chDB is a single embedded engine)');
  return { kind: 'chdb', path: `${dataDir}/analytics`, database };
}
