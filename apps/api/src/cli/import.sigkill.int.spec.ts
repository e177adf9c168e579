import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ClickHouseClient } from '@clickhouse/client';
import { SqliteEventStore } from '@ledger/event-store';
import { liveItemStates } from '@ledger/analytics';
import { loadConfig, type AppConfig } from '../config/config';
import { generateDemo } from '../import/demo-generator';
import { openImporter } from '../import/importer';
import { ANALYTICS_CLIENT } from '../infrastructure/tokens';
import { JsonLogger } from '../shared/json-logger';
import { TEST_SECRET } from '../../../../test/support/ledger';

const REPO_ROOT = resolve(__dirname, '../../../..');
/** Large enough that the import is still running well after its first batch is committed. */
const DEMO = generateDemo({ backlogs: 10, months: 24, seed: 11, end: '2025-12-01' });

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ledger-sigkill-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const envOf = (dataDir: string) => ({ ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn' });

/** `npm run ledger -- import <file>` as a child process; `killWhen` sees stderr and may SIGKILL it. */
function ledgerImport(dataDir: string, file: string, killWhen?: (stderr: string) => boolean): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/cli/ledger.cli.ts', 'import', file],
      { cwd: REPO_ROOT, env: envOf(dataDir), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen && child.exitCode === null && !child.killed && killWhen(stderr)) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
}

function rows(file: string, sql: string): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** What must be the same after an interrupted-and-resumed import as after an uninterrupted one. */
async function ledgerOf(dataDir: string) {
  const config: AppConfig = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
  const file = (config.eventStore as { file: string }).file;
  const store = SqliteEventStore.open({ file });
  const verify = await store.verify();
  await store.close();
  const { importer, app, close } = await openImporter(config, { logger: new JsonLogger('silent') });
  let analytics: { decisions: unknown[]; itemState: unknown[] };
  try {
    await importer.projectionsCaughtUp();
    const client = app.get<ClickHouseClient>(ANALYTICS_CLIENT);
    const db = config.analytics.database;
    const all = async (query: string) => (await client.query({ query, format: 'JSONEachRow' })).json();
    analytics = {
      // recorded_at is the time of each run's commits: the only column that may differ.
      decisions: await all(`SELECT * EXCEPT (recorded_at) FROM ${db}.decisions FINAL ORDER BY position`),
      itemState: await all(`SELECT * FROM (${liveItemStates(db)}) ORDER BY item_id`),
    };
  } finally {
    await close();
  }
  return {
    verify: { ok: verify.ok, eventsChecked: verify.eventsChecked, firstBreak: verify.firstBreak },
    // Every column but the commit's time and the hashes that cover it (their chain is checked by verify()).
    events: rows(file, 'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata FROM events ORDER BY position'),
    readModel: {
      items: rows(config.readModelFile, 'SELECT * FROM items ORDER BY item_id'),
      entries: rows(config.readModelFile, 'SELECT position, event_id, stream_id, revision, type, backlog_id, item_id, actor_id, actor_role, occurred_at FROM entries ORDER BY position'),
    },
    analytics,
  };
}

describe('ledger import: SIGKILL mid-import, then the same command again', () => {
  it('ends with the same decisions, ids, chains, read model and analytics as an uninterrupted import: nothing doubled, nothing missing', async () => {
    const shared = join(root, 'in');
    mkdirSync(shared);
    const file = join(shared, 'history.ndjson'); // the same file (and source name) for both ledgers
    writeFileSync(file, DEMO.lines.join('\n') + '\n');
    const [killedDir, cleanDir] = [join(root, 'killed'), join(root, 'clean')];

    // Killed as soon as it reports lines committed (a batch is in; the next ones are being decided).
    const killed = await ledgerImport(killedDir, file, (stderr) => /import \[[#-]+\] \d+%\s+[1-9][\d,]* \//.test(stderr));
    expect(killed.signal).toBe('SIGKILL');
    const partial = rows(join(killedDir, 'events.sqlite'), 'SELECT metadata FROM events ORDER BY position').map(
      (r) => Number(JSON.parse(String(r.metadata)).importedFrom.split(':')[1]),
    );
    // A prefix of the file, in whole batches: lines 1..k, each once.
    expect(partial.length).toBeGreaterThan(0);
    const lines = [...new Set(partial)];
    expect(lines).toEqual(lines.map((_, i) => i + 1));
    expect(lines.length).toBeLessThan(DEMO.lines.length);

    const resumed = await ledgerImport(killedDir, file);
    expect(resumed).toMatchObject({ code: 0, signal: null });
    const clean = await ledgerImport(cleanDir, file);
    expect(clean).toMatchObject({ code: 0, signal: null });

    const [after, reference] = [await ledgerOf(killedDir), await ledgerOf(cleanDir)];
    expect(after.verify).toEqual({ ok: true, eventsChecked: reference.events.length, firstBreak: null });
    expect(reference.verify.ok).toBe(true);
    expect(after.events.length).toBeGreaterThanOrEqual(DEMO.lines.length);
    expect(after.events).toEqual(reference.events);
    expect(after.readModel).toEqual(reference.readModel);
    expect(after.analytics.decisions.length).toBe(reference.analytics.decisions.length);
    expect(after.analytics).toEqual(reference.analytics);
  }, 900_000);
});
