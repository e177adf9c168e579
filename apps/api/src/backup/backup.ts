import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataLayout } from '../config/config';
import { snapshotSqlite } from './sqlite-snapshot';

export const BACKUP_FORMAT = 'backlog-ledger-backup';
export const MANIFEST_FILE = 'manifest.json';

export type BackupRole = 'api-state' | 'webhook-outbox' | 'events' | 'jwt-secret' | 'webhook-key';

export interface BackupFile {
  /** File name inside the backup directory and inside the restored data directory. */
  name: string;
  role: BackupRole;
  bytes: number;
  sha256: string;
}

/** manifest.json: written last, so a directory without it is not a (complete) backup. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  sourceDataDir: string;
  /** The backup's head: the restored ledger has exactly the events up to here. */
  events: { headPosition: number; lastEventHash: string | null; lastRecordedAt: string | null };
  files: BackupFile[];
  /** Secrets the source took from environment variables, not files: set the same variables where it is restored. */
  fromEnvironment: string[];
}

/** What the command reports while it works. */
export interface BackupReporter {
  /** A snapshot or hash of `label` progressed to `bytes` of about `total`. */
  progress(label: string, bytes: number, total: number): void;
  /** One step finished. */
  step(line: string): void;
}

export class BackupError extends Error {
  constructor(
    message: string,
    /** 1: failed while working (damaged file, broken chain, I/O); 2: refused before touching anything (bad usage or input). */
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * What travels, in this order (ADR 0029). The SQLite files are snapshots taken one after the other; the event store
 * comes last, so everything the others refer to (an idempotent answer, an enqueued or sent webhook delivery, the
 * outbox checkpoint) was committed before its snapshot: after a restore nothing in them points past the head.
 * Rebuildable state is left out: the read model and forum index (rebuilt from the events on start) and analytics
 * (`npm run ledger -- projections rebuild`, or the embedded projector on start).
 */
export function backupPlan(layout: DataLayout): { role: BackupRole; name: string; source: string; sqlite: boolean }[] {
  if (layout.eventStore.kind !== 'sqlite') {
    throw new BackupError(
      'backup copies the embedded tier (SQLite event store); with LEDGER_EVENT_STORE=eventstoredb back up EventStoreDB/KurrentDB with its own tools (docs/operations.md)',
      2,
    );
  }
  const plan: { role: BackupRole; name: string; source: string; sqlite: boolean }[] = [
    { role: 'api-state', name: 'api-state.sqlite', source: layout.apiStateFile, sqlite: true },
    { role: 'webhook-outbox', name: 'webhooks.sqlite', source: layout.webhooksFile, sqlite: true },
    { role: 'events', name: 'events.sqlite', source: layout.eventStore.file, sqlite: true },
  ];
  if (layout.jwtSecretFile) plan.push({ role: 'jwt-secret', name: 'jwt-secret', source: layout.jwtSecretFile, sqlite: false });
  if (layout.webhookKeyFile) plan.push({ role: 'webhook-key', name: 'webhook-key', source: layout.webhookKeyFile, sqlite: false });
  return plan;
}

/** Backs up a (possibly running) embedded ledger into `target`, a new or empty directory. */
export async function createBackup(layout: DataLayout, target: string, report: BackupReporter): Promise<BackupManifest> {
  const plan = backupPlan(layout);
  const events = plan.find((p) => p.role === 'events')!;
  if (!existsSync(events.source)) {
    throw new BackupError(`no event store at ${events.source}: set LEDGER_DATA_DIR (or LEDGER_SQLITE_FILE) to the ledger's data directory`, 1);
  }
  const dir = resolve(target);
  if (resolve(layout.dataDir) === dir || dir.startsWith(resolve(layout.dataDir) + '/')) {
    throw new BackupError(`the backup directory ${dir} is inside the data directory ${layout.dataDir}; choose a directory elsewhere`, 2);
  }
  const created = prepareEmptyDir(dir, 'backup');
  const written: string[] = [];
  try {
    const files: BackupFile[] = [];
    for (const item of plan) {
      if (!existsSync(item.source)) {
        if (item.role === 'events') throw new BackupError(`the event store ${item.source} disappeared during the backup`, 1);
        continue; // never created: this ledger has no idempotent answers, webhooks or generated secrets yet
      }
      const destination = join(dir, item.name);
      written.push(destination);
      if (item.sqlite) {
        await snapshotSqlite(item.source, destination, (bytes, total) => report.progress(`snapshot ${item.name}`, bytes, total));
      } else {
        copyFileSync(item.source, destination);
        chmodSync(destination, 0o600);
      }
      const bytes = statSync(destination).size;
      const sha256 = await sha256File(destination, (done) => report.progress(`checksum ${item.name}`, done, bytes));
      files.push({ name: item.name, role: item.role, bytes, sha256 });
      report.step(`${item.name}: ${item.sqlite ? 'snapshot' : 'copy'} of ${item.source} (${bytes.toLocaleString('en-US')} bytes)`);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      sourceDataDir: resolve(layout.dataDir),
      events: eventsHead(join(dir, 'events.sqlite')),
      files,
      fromEnvironment: [
        ...(layout.jwtSecretFile === null ? ['LEDGER_JWT_SECRET (or LEDGER_JWKS_URL)'] : []),
        ...(layout.webhookKeyFile === null ? ['LEDGER_WEBHOOK_KEY'] : []),
      ],
    };
    const manifestFile = join(dir, MANIFEST_FILE);
    written.push(manifestFile);
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    return manifest;
  } catch (e) {
    for (const f of written) rmSync(f, { force: true });
    if (created) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Creates `dir` (0700) or accepts it if it is an empty directory; true when created here. */
export function prepareEmptyDir(dir: string, what: 'backup' | 'restore'): boolean {
  if (assertEmptyOrAbsent(dir, what)) return false;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return true;
}

/** Refuses a file or a non-empty directory; true when `dir` exists (and is empty). */
export function assertEmptyOrAbsent(dir: string, what: 'backup' | 'restore'): boolean {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new BackupError(`${dir} is not a directory`, 2);
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
      throw new BackupError(
        what === 'backup'
          ? `the backup directory ${dir} is not empty (${shown}); a backup never overwrites: choose a new or empty directory`
          : `refusing to restore into ${dir}: it is not empty (${shown}). Restore into a new or empty data directory (LEDGER_DATA_DIR), or move the existing data aside first`,
        2,
      );
    }
    return true;
  }
  return false;
}

/** Head position and last hash of an events file (opened read-only). */
export function eventsHead(file: string): BackupManifest['events'] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const last = db.prepare('SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1').get() as
      | { position: number; hash: string; recorded_at: string }
      | undefined;
    return { headPosition: last?.position ?? 0, lastEventHash: last?.hash ?? null, lastRecordedAt: last?.recorded_at ?? null };
  } finally {
    db.close();
  }
}

export function sha256File(file: string, onProgress?: (bytes: number) => void): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    let done = 0;
    createReadStream(file, { highWaterMark: 1024 * 1024 })
      .on('data', (chunk: string | Buffer) => {
        hash.update(chunk);
        done += chunk.length;
        onProgress?.(done);
      })
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', reject);
  });
}
