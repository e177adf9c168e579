import { chmodSync, createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SqliteEventStore, type VerifyReport } from '@ledger/event-store';
import type { DataLayout } from '../config/config';
import { BACKUP_FORMAT, BackupError, MANIFEST_FILE, assertEmptyOrAbsent, prepareEmptyDir, sha256File, type BackupManifest, type BackupRole } from './backup';

export interface RestoreReporter {
  progress(label: string, done: number, total: number, unit: 'bytes' | 'events'): void;
  step(line: string): void;
}

const KNOWN: Record<BackupRole, string> = {
  'api-state': 'api-state.sqlite',
  'webhook-outbox': 'webhooks.sqlite',
  events: 'events.sqlite',
  'jwt-secret': 'jwt-secret',
  'webhook-key': 'webhook-key',
};
const SECRETS = new Set<BackupRole>(['jwt-secret', 'webhook-key']);

/** Reads and checks manifest.json: a directory without a valid one is not a backup. */
export function readManifest(backupDir: string): BackupManifest {
  const dir = resolve(backupDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BackupError(`no backup directory at ${dir}`, 2);
  }
  const file = join(dir, MANIFEST_FILE);
  const notABackup = (why: string) =>
    new BackupError(`${dir} is not a backup made by \`npm run ledger -- backup\`: ${why}`, 2);
  if (!existsSync(file)) throw notABackup(`it has no ${MANIFEST_FILE} (an interrupted backup has none either)`);
  let m: BackupManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch (e) {
    throw notABackup(`${MANIFEST_FILE} is not valid JSON (${(e as Error).message})`);
  }
  if (m?.format !== BACKUP_FORMAT) throw notABackup(`${MANIFEST_FILE} is not a ${BACKUP_FORMAT} manifest`);
  if (m.version !== 1) throw notABackup(`manifest version ${String(m.version)} is not one this version restores (1)`);
  if (!Array.isArray(m.files) || !m.files.some((f) => f?.role === 'events')) throw notABackup('the manifest lists no event store');
  for (const f of m.files) {
    if (KNOWN[f?.role] !== f?.name || typeof f.bytes !== 'number' || typeof f.sha256 !== 'string') {
      throw notABackup(`the manifest lists an unexpected file entry ${JSON.stringify(f)}`);
    }
  }
  if (!Number.isInteger(m.events?.headPosition)) throw notABackup('the manifest has no head position');
  return m;
}

/**
 * Restores a backup into the configured data directory, which must be new or empty (ADR 0029): checks every file
 * against the manifest first (nothing is written from a damaged backup), copies them, then verifies every hash
 * chain of the restored store and that its head is the backup's. On any failure the restored files are removed.
 */
export async function restoreBackup(
  backupDir: string,
  layout: DataLayout,
  report: RestoreReporter,
): Promise<{ manifest: BackupManifest; verify: VerifyReport }> {
  const manifest = readManifest(backupDir);
  const dir = resolve(backupDir);
  assertEmptyOrAbsent(layout.dataDir, 'restore');
  if (layout.eventStore.kind !== 'sqlite') {
    throw new BackupError('restore writes the embedded tier (SQLite event store); unset LEDGER_EVENT_STORE=eventstoredb', 2);
  }
  const eventsTarget = layout.eventStore.file;
  if (existsSync(eventsTarget)) throw new BackupError(`refusing to restore: an event store already exists at ${eventsTarget}`, 2);

  for (const f of manifest.files) {
    const file = join(dir, f.name);
    if (!existsSync(file)) throw new BackupError(`the backup is incomplete: ${f.name} is missing; nothing was restored`, 1);
    if (statSync(file).size !== f.bytes) {
      throw new BackupError(`the backup is damaged: ${f.name} has ${statSync(file).size} bytes, the manifest says ${f.bytes}; nothing was restored`, 1);
    }
    const sha256 = await sha256File(file, (done) => report.progress(`checking ${f.name}`, done, f.bytes, 'bytes'));
    if (sha256 !== f.sha256) throw new BackupError(`the backup is damaged: the checksum of ${f.name} does not match the manifest; nothing was restored`, 1);
  }

  const created = prepareEmptyDir(layout.dataDir, 'restore');
  const restored: string[] = [];
  try {
    for (const f of manifest.files) {
      const target = f.role === 'events' ? eventsTarget : join(layout.dataDir, f.name);
      const partial = `${target}.restoring`;
      restored.push(partial, target);
      let done = 0;
      const source = createReadStream(join(dir, f.name), { highWaterMark: 1024 * 1024 });
      source.on('data', (chunk) => report.progress(`restoring ${f.name}`, (done += chunk.length), f.bytes, 'bytes'));
      await pipeline(source, createWriteStream(partial, { mode: SECRETS.has(f.role) ? 0o600 : 0o644 }));
      if (SECRETS.has(f.role)) chmodSync(partial, 0o600);
      renameSync(partial, target);
      report.step(`${f.name} → ${target}`);
    }

    const store = SqliteEventStore.open({ file: eventsTarget, readonly: true });
    let verify: VerifyReport;
    let head: number;
    try {
      head = await store.headPosition();
      verify = await store.verify((n) => report.progress('verifying chains', n, head, 'events'));
    } finally {
      await store.close();
    }
    if (head !== manifest.events.headPosition) {
      throw new BackupError(`the restored store ends at position ${head}, the backup's head is ${manifest.events.headPosition}; the restore was undone`, 1);
    }
    if (!verify.ok) {
      const b = verify.firstBreak!;
      throw new BackupError(
        `a hash chain of the restored store is broken at position ${b.position} (stream ${b.streamId}, revision ${b.revision}: ${b.problem}); the restore was undone`,
        1,
      );
    }
    return { manifest, verify };
  } catch (e) {
    for (const f of restored) rmSync(f, { force: true });
    if (created) rmSync(layout.dataDir, { recursive: true, force: true });
    throw e;
  }
}
