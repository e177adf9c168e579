import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ClickHouseClient } from '@clickhouse/client';
import { migrate, projectAll } from '@ledger/analytics';
import { SqliteEventStore, type EventStore } from '@ledger/event-store';
import type { RecordedEvent } from '@ledger/kernel';
import { ANALYTICS_CLIENT, EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import type { BackupManifest } from '../../apps/api/src/backup/backup';
import { digest } from '../../libs/analytics/src/testing/digest';
import { startAppProcess } from '../support/app-process';
import { ledgerCli, runScript } from '../support/cli';
import { RATIONALE } from '../support/fixtures';
import { startLedger, TEST_SECRET, type Ledger } from '../support/ledger';

/** The store as it was at `head`: what "the original's analytics at the backup's head" are projected from. */
function storeUpTo(store: EventStore, head: number): EventStore {
  return {
    ...store,
    headPosition: async () => head,
    readAll: async (options) => (await store.readAll(options)).filter((e) => e.position <= head),
  };
}

const DIGEST_SCRIPT = `
const { createAnalyticsClient } = require('@ledger/analytics');
const { digest } = require('./libs/analytics/src/testing/digest');
(async () => {
  const client = createAnalyticsClient({ kind: 'chdb', path: process.env.ANALYTICS_DIR, database: 'ledger' });
  try { process.stdout.write(JSON.stringify(await digest(client, 'ledger'))); } finally { await client.close(); }
})().catch((e) => { console.error(e); process.exit(1); });`;

interface Write {
  status: number;
  code?: string;
  position: number | null;
  sentAt: number;
  ackedAt: number;
}

describe('npm run ledger -- backup / restore / verify', () => {
  const root = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
  let original: Ledger;
  let backlogId: string;
  const items: string[] = [];
  const backupDir = join(root, 'backup');
  const restoredDir = join(root, 'restored');
  let manifest: BackupManifest;

  beforeAll(async () => {
    original = await startLedger({ dataDir: join(root, 'original'), env: { LEDGER_FORUM_TICK_MS: '0', LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true' } });
    const leader = await original.token('product-leader', 'lena');
    backlogId = (await original.request('POST', '/backlogs', { token: leader, body: { name: 'Checkout', productGoal: 'Returning customers pay in one tap' } })).body.id;
    for (let i = 0; i < 20; i++) {
      const res = await original.request('POST', `/backlogs/${backlogId}/items`, { token: leader, body: { title: `Seed ${i}`, kind: 'story', estimate: 1 + (i % 5), rationale: RATIONALE } });
      expect(res.status).toBe(201);
      items.push(res.body.id);
    }
    const hook = await original.request('POST', '/webhooks', { token: leader, body: { url: 'http://127.0.0.1:9/hook', events: ['item.killed'] } });
    expect(hook.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await original?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up while the API takes decisions: a consistent snapshot, writes never blocked', async () => {
    const store = original.app.get<EventStore>(EVENT_STORE);
    const leader = await original.token('product-leader', 'lena');
    const writes: Write[] = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const sentAt = Date.now();
        const res = await original.request('POST', `/backlogs/${backlogId}/items`, {
          token: leader,
          body: { title: `Written by ${n} (${i})`, kind: 'story', estimate: 1 + (i % 8), rationale: RATIONALE },
        });
        writes.push({ status: res.status, code: res.body?.code, position: res.body?.position ?? null, sentAt, ackedAt: Date.now() });
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (writes.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const headAtStart = await store.headPosition();

    const run = await ledgerCli(['backup', backupDir], { LEDGER_DATA_DIR: original.dataDir });
    const headAtEnd = await store.headPosition();
    const ackedDuring = writes.filter((w) => w.ackedAt > run.startedAt && w.ackedAt < run.endedAt).length;
    while (writes.filter((w) => w.ackedAt > run.endedAt).length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
    stop = true;
    await Promise.all(writers);

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('events.sqlite: snapshot of') });
    expect(run.stdout).toMatch(/^Backed up .* into .* in [\d.]+ s/);
    manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    const head = manifest.events.headPosition;
    // Decisions kept landing before, during and after the snapshot, and none failed or waited for it.
    expect(writes.filter((w) => w.status !== 200 && w.status !== 201)).toEqual([]);
    expect(ackedDuring).toBeGreaterThan(10);
    expect(headAtStart).toBeLessThan(head);
    expect(head).toBeLessThan(headAtEnd);

    // The backup holds exactly the original's events up to its head: a prefix, with the same hashes.
    const snapshot = SqliteEventStore.open({ file: join(backupDir, 'events.sqlite'), readonly: true });
    try {
      const inBackup = await readEverything(snapshot);
      const inOriginal = (await readEverything(store)).filter((e) => e.position <= head);
      expect(inBackup.length).toBe(head);
      expect(inBackup.map(fingerprint)).toEqual(inOriginal.map(fingerprint));
      expect(manifest.events.lastEventHash).toBe(inBackup[inBackup.length - 1].hash);
    } finally {
      await snapshot.close();
    }
    // Every decision acknowledged before the backup began is in it.
    const ackedBefore = writes.filter((w) => w.ackedAt < run.startedAt);
    expect(ackedBefore.length).toBeGreaterThan(0);
    expect(ackedBefore.filter((w) => w.position === null || w.position > head)).toEqual([]);

    // What travels, and what does not (rebuilt from the events).
    expect(readdirSync(backupDir).sort()).toEqual(['api-state.sqlite', 'events.sqlite', 'manifest.json', 'webhook-key', 'webhooks.sqlite']);
    expect(manifest.files.map((f) => f.role)).toEqual(['api-state', 'webhook-outbox', 'events', 'webhook-key']);
    expect(statSync(join(backupDir, 'webhook-key')).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    // The outbox snapshot was taken before the events': its checkpoint is not past the backup's head.
    const outbox = new Database(join(backupDir, 'webhooks.sqlite'), { readonly: true });
    try {
      expect((outbox.prepare('SELECT position FROM webhook_checkpoint').get() as { position: number }).position).toBeLessThanOrEqual(head);
    } finally {
      outbox.close();
    }
  }, 180_000);

  it('restores into an empty data dir: the backup\'s head, every chain verified, analytics rebuilt equal to the original\'s at that head', async () => {
    const head = manifest.events.headPosition;
    const restore = await ledgerCli(['restore', backupDir], { LEDGER_DATA_DIR: restoredDir });
    expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(restore.stdout).toContain(`events up to position ${head.toLocaleString('en-US')}`);
    expect(restore.stdout).toContain('every hash chain intact');
    expect(readdirSync(restoredDir).sort()).toEqual(['api-state.sqlite', 'events.sqlite', 'webhook-key', 'webhooks.sqlite']);
    expect(readFileSync(join(restoredDir, 'webhook-key'))).toEqual(readFileSync(join(original.dataDir, 'webhook-key')));
    expect(statSync(join(restoredDir, 'webhook-key')).mode & 0o777).toBe(0o600);

    const verify = await ledgerCli(['verify'], { LEDGER_DATA_DIR: restoredDir });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`^verified ${head.toLocaleString('en-US')} events in [\\d,]+ streams in [\\d.]+ s \\([\\d,]+ events/s\\): every hash chain is intact`));
    const restoredStore = SqliteEventStore.open({ file: join(restoredDir, 'events.sqlite'), readonly: true });
    try {
      expect(await restoredStore.headPosition()).toBe(head);
    } finally {
      await restoredStore.close();
    }

    // Analytics are rebuilt from the restored events, and equal the original's projected up to the same head.
    const rebuild = await ledgerCli(['projections', 'rebuild'], { LEDGER_DATA_DIR: restoredDir });
    expect({ code: rebuild.code, stderr: rebuild.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('done:') });
    const restored = JSON.parse(await runScript(DIGEST_SCRIPT, { ANALYTICS_DIR: join(restoredDir, 'analytics') }));
    const client = original.app.get<ClickHouseClient>(ANALYTICS_CLIENT);
    await migrate(client, { database: 'at_backup' });
    await projectAll(client, 'at_backup', storeUpTo(original.app.get<EventStore>(EVENT_STORE), head));
    const reference = await digest(client, 'at_backup');
    expect(reference.maxPosition).toBeLessThanOrEqual(head);
    expect(reference.rows).toBeGreaterThan(20);
    expect(restored).toEqual(reference);
    // …and differ from the original's live analytics, which went on past the head.
    expect(restored.rows).toBeLessThan((await digest(client, 'ledger')).rows);

    // The restored ledger runs: ready at the backup's head, with the decisions made before it.
    const app = await startAppProcess({ LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn' }, { dataDir: restoredDir });
    try {
      let ready: { status: number; body: { headPosition?: number } } = { status: 0, body: {} };
      for (let i = 0; i < 200 && ready.status !== 200; i++) {
        const res = await fetch(`${app.url}/health/ready`);
        ready = { status: res.status, body: (await res.json()) as { headPosition?: number } };
        if (ready.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready).toEqual({ status: 200, body: expect.objectContaining({ headPosition: head }) });
      const item = await fetch(`${app.url}/items/${items[0]}`, { headers: { authorization: `Bearer ${await app.token('auditor', 'audrey')}` } });
      expect(item.status).toBe(200);
    } finally {
      expect(await app.stop()).toBe(0);
    }
  }, 240_000);

  it('restore refuses bad input and writes nothing: no such directory, not a backup, a damaged backup, a non-empty target', async () => {
    const target = join(root, 'target');
    const missing = await ledgerCli(['restore', join(root, 'nope')], { LEDGER_DATA_DIR: target });
    expect({ code: missing.code, stderr: missing.stderr.trim() }).toEqual({ code: 2, stderr: `restore: no backup directory at ${join(root, 'nope')}` });

    const notBackup = await ledgerCli(['restore', original.dataDir], { LEDGER_DATA_DIR: target });
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toContain('is not a backup made by `npm run ledger -- backup`: it has no manifest.json');

    const damaged = join(root, 'damaged');
    mkdirSync(damaged);
    for (const f of readdirSync(backupDir)) writeFileSync(join(damaged, f), readFileSync(join(backupDir, f)));
    const bytes = readFileSync(join(damaged, 'events.sqlite'));
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(join(damaged, 'events.sqlite'), bytes);
    const bad = await ledgerCli(['restore', damaged], { LEDGER_DATA_DIR: target });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the backup is damaged: the checksum of events.sqlite does not match the manifest; nothing was restored');

    const occupied = await ledgerCli(['restore', backupDir], { LEDGER_DATA_DIR: restoredDir });
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toContain(`refusing to restore into ${restoredDir}: it is not empty`);
    expect(existsSync(target)).toBe(false);

    const usage = await ledgerCli(['restore'], { LEDGER_DATA_DIR: target });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('restore: which directory?');
  }, 120_000);

  it('backup refuses a non-empty target and the distributed tier; verify reports the first broken link', async () => {
    const occupied = await ledgerCli(['backup', backupDir], { LEDGER_DATA_DIR: original.dataDir });
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toContain('is not empty');
    const esdb = await ledgerCli(['backup', join(root, 'esdb')], { LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' });
    expect(esdb.code).toBe(2);
    expect(esdb.stderr).toContain('back up EventStoreDB/KurrentDB with its own tools');
    expect(existsSync(join(root, 'esdb'))).toBe(false);

    // Tamper with one decision in a copy of the restored store: verify finds it offline.
    const tampered = join(root, 'tampered');
    mkdirSync(tampered);
    writeFileSync(join(tampered, 'events.sqlite'), readFileSync(join(restoredDir, 'events.sqlite')));
    const db = new Database(join(tampered, 'events.sqlite'));
    const victim = db.prepare("SELECT position, stream_id FROM events WHERE type = 'item.added' ORDER BY position LIMIT 1 OFFSET 5").get() as { position: number; stream_id: string };
    db.prepare(`UPDATE events SET data = replace(data, 'Seed', 'Sneaked') WHERE position = ?`).run(victim.position);
    db.close();
    const verify = await ledgerCli(['verify', tampered], {});
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('BROKEN');
    expect(verify.stdout).toContain(`position ${victim.position}, stream ${victim.stream_id}, revision 0: hash-mismatch`);
  }, 120_000);
});

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: 10_000 });
    if (page.length === 0) return out;
    out.push(...page);
    after = page[page.length - 1].position;
  }
}

const fingerprint = (e: RecordedEvent) => `${e.position}|${e.id}|${e.streamId}|${e.revision}|${e.hash}`;
