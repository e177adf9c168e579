import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { FixedClock } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { analyticsConfigFromEnv, type AnalyticsConfig } from './analytics-config';
import { createAnalyticsClient } from './analytics-client';
import { loadMigrations, migrate } from '../migrations/migrator';
import { projectAll } from '../projection/analytics-projector';
import { health } from '../metrics/health';
import { History } from '../testing/history';
import { appendHistory } from '../testing/generated-history';

/**
 * The same migrations, projection and metric SQL against a real ClickHouse server (everything else runs on
 * chDB). Runs when CLICKHOUSE_URL is set (plus CLICKHOUSE_USER / CLICKHOUSE_PASSWORD, and CLICKHOUSE_CLUSTER
 * for the replicated variant), e.g. with infra/docker-compose.yml up:
 *   CLICKHOUSE_URL=http://localhost:8123 CLICKHOUSE_USER=ledger CLICKHOUSE_PASSWORD=ledger npx jest clickhouse-server
 * Each run works in its own database and drops it afterwards.
 */
const url = process.env.CLICKHOUSE_URL;

if (!url) {
  describe.skip('analytics on a ClickHouse server (skipped: CLICKHOUSE_URL is not set — no ClickHouse server on this machine)', () => {
    it('applies the migrations, projects a history and answers a metric on the server', () => undefined);
  });
} else {
  describe(`analytics on a ClickHouse server (${url})`, () => {
    let dir: string;
    let config: Extract<AnalyticsConfig, { kind: 'server' }>;
    let client: ClickHouseClient;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ledger-ch-server-'));
      const database = `ledger_it_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const parsed = analyticsConfigFromEnv({ ...process.env, CLICKHOUSE_DATABASE: database }, dir);
      if (parsed.kind !== 'server') throw new Error('CLICKHOUSE_URL is set, the config must select the server');
      config = parsed;
      client = createAnalyticsClient(config);
    });

    afterAll(async () => {
      const onCluster = config.cluster ? ` ON CLUSTER ${config.cluster}` : '';
      await client.command({ query: `DROP DATABASE IF EXISTS ${config.database}${onCluster} SYNC` }).catch(() => undefined);
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('applies every migration once (Replicated engines when CLICKHOUSE_CLUSTER is set) and none the second time', async () => {
      const target = { database: config.database, cluster: config.cluster };
      expect(await migrate(client, target)).toEqual(loadMigrations().map((m) => m.version));
      expect(await migrate(client, target)).toEqual([]);

      const rs = await client.query({
        query: `SELECT name, engine FROM system.tables WHERE database = {db:String} ORDER BY name`,
        query_params: { db: config.database },
        format: 'JSONEachRow',
      });
      const tables = await rs.json<{ name: string; engine: string }>();
      expect(tables.map((t) => t.name)).toEqual(['decisions', 'projection_checkpoints', 'schema_migrations']);
      for (const t of tables) {
        expect(t.engine).toBe(config.cluster ? 'ReplicatedReplacingMergeTree' : 'ReplacingMergeTree');
      }
    });

    it('projects a small history from the event store and computes the backlog size in sprints', async () => {
      await migrate(client, { database: config.database, cluster: config.cluster });
      const x = new History();
      x.created(0);
      x.add(1, { estimate: 25 });
      x.add(2, { estimate: 15 });
      const killed = x.add(3, { estimate: 100 });
      x.kill(4, killed);
      x.velocity(14, 's1', 10);
      const store = SqliteEventStore.open({ file: join(dir, 'events.db'), clock: new FixedClock(new Date('2026-06-01T00:00:00Z')) });
      try {
        const head = await appendHistory(store, x.events);
        const progress = await projectAll(client, config.database, store);
        expect(progress).toMatchObject({ position: head, events: x.events.length });
      } finally {
        await store.close();
      }

      const report = await health(
        client,
        { database: config.database, backlogIds: [x.backlogId], at: new Date(x.at(20)) },
        { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
      );
      // Ready work: 25 + 15 points (the killed item no longer counts); one sprint of velocity 10.
      expect(report.size).toMatchObject({ readyPoints: 40, averageVelocity: 10, sizeInSprints: 4, verdict: 'healthy' });
    });
  });
}
