import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * A consistent copy of a live SQLite database, taken with SQLite's online backup API (better-sqlite3 `backup()`).
 *
 * Every page is copied in ONE backup step, so the copy is one read transaction: a snapshot of the last commit before
 * it began. In WAL mode the writers (the running API) are not blocked meanwhile. Copying in several steps would let a
 * commit of the API between two steps restart the copy from scratch, forever under a steady write load (ADR 0029).
 * The step runs in a worker thread, so this thread can report progress from the size of the copy as it grows.
 * The copy is left in rollback-journal mode: a self-contained file (no -wal/-shm beside it).
 */
export async function snapshotSqlite(source: string, destination: string, onProgress?: (bytes: number, total: number) => void): Promise<void> {
  const total = estimatedBytes(source);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module: require.resolve('better-sqlite3'), source, destination },
  });
  const timer = onProgress
    ? setInterval(() => {
        try {
          onProgress(statSync(destination).size, total);
        } catch {
          onProgress(0, total); // not created yet
        }
      }, 250)
    : null;
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(m.error))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the backup worker exited (code ${code}) before finishing`)));
    });
  } finally {
    if (timer) clearInterval(timer);
    await worker.terminate();
  }
  const copy = new Database(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  onProgress?.(statSync(destination).size, Math.max(total, statSync(destination).size));
}

/** Size of the database as SQLite sees it (its WAL included): what the copy will weigh, about. */
function estimatedBytes(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
  } finally {
    db.close();
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
(async () => {
  const db = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    // The first step (0 pages) only starts the backup; the callback then asks for every page in the next step.
    await db.backup(workerData.destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
})().then(
  () => parentPort.postMessage({ ok: true }),
  (e) => parentPort.postMessage({ ok: false, error: String((e && e.message) || e) }),
);
`;
