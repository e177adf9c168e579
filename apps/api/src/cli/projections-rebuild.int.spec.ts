import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { SqliteEventStore } from '@ledger/event-store';
import { AnalyticsProjector, DecisionWriter, EventStoreSource, createAnalyticsClient, migrate, projectAll } from '@ledger/analytics';
import { appendHistory, generateHistory } from '../../../../libs/analytics/src/testing/generated-history';
import { digest } from '../../../../libs/analytics/src/testing/digest';

const REPO_ROOT = resolve(__dirname, '../../../..');

function ledger(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/cli/ledger.cli.ts', ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

describe('npm run ledger -- projections rebuild', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let client: ClickHouseClient | null = null;
  const env = () => ({ LEDGER_DATA_DIR: dataDir });
  const openAnalytics = () => (client = createAnalyticsClient({ kind: 'chdb', path: join(dataDir, 'analytics'), database: 'ledger' }));
  const closeAnalytics = async () => {
    await client?.close();
    client = null;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-rebuild-'));
    store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    await appendHistory(store, generateHistory({ events: 6_000, backlogs: 3, seed: 5 }));
  }, 60_000);

  afterAll(async () => {
    await closeAnalytics();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds into fresh tables with progress on stderr; the result equals a full projection', async () => {
    const run = await ledger(['projections', 'rebuild', '--batch-size', '1000'], env());
    expect(run.stderr).toMatch(/projected [\d,]+ \/ [\d,]+ events \([\d,]+\/s\)/);
    expect(run.stderr).toMatch(/done: 6,\d{3} events → [\d,]+ decision rows .* switched over with EXCHANGE TABLES/);
    expect(run.code).toBe(0);

    const c = openAnalytics();
    await migrate(c, { database: 'reference' });
    await projectAll(c, 'reference', store);
    expect(await digest(c, 'ledger')).toEqual(await digest(c, 'reference'));
    expect(await new DecisionWriter(c, 'ledger').readCheckpoint()).toBe(await store.headPosition());
  }, 60_000);

  it('refuses to run while another process owns the chDB directory, and says which and what to do', async () => {
    expect(client).not.toBeNull(); // this process (standing in for the API) holds it
    const run = await ledger(['projections', 'rebuild'], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`is in use by process ${process.pid}`);
    expect(run.stderr).toContain('Stop that process, then run the command again');
  }, 60_000);

  it('equals the incremental projection after more events arrived', async () => {
    await appendHistory(store, generateHistory({ events: 2_000, backlogs: 2, seed: 6 }));
    const head = await store.headPosition();
    const projector = new AnalyticsProjector({ client: client!, database: 'ledger', source: new EventStoreSource(store), batchSize: 500 });
    await projector.start();
    expect(await projector.waitFor(head, 30_000)).toBe(true);
    await projector.stop();
    const incremental = await digest(client!, 'ledger');
    await closeAnalytics();

    const run = await ledger(['projections', 'rebuild'], env());
    expect(run.code).toBe(0);
    const c = openAnalytics();
    expect(await digest(c, 'ledger')).toEqual(incremental);
    expect(await new DecisionWriter(c, 'ledger').readCheckpoint()).toBe(head);
  }, 60_000);

  it('explains a missing event store, bad options and unknown commands', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ledger-cli-empty-'));
    try {
      const missing = await ledger(['projections', 'rebuild'], { LEDGER_DATA_DIR: empty });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no event store at');
      const bad = await ledger(['projections', 'rebuild', '--batch-size', 'lots'], { LEDGER_DATA_DIR: empty });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--batch-size must be an integer');
      const unknown = await ledger(['projections', 'rewind'], { LEDGER_DATA_DIR: empty });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown command "projections rewind"');
      expect(unknown.stderr).toContain('projections rebuild');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
