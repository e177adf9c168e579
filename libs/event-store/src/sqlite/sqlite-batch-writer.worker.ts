/**
 * The thread of a SqliteBatchWriter: its own SqliteEventStore on the same file, running appendBatch for each
 * request in order, with recordedAt from the caller's clock reading.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '@ledger/kernel';
import { SqliteEventStore } from './sqlite-event-store';
import type { WriterReply, WriterRequest } from './sqlite-batch-writer';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
let now = new Date();
const store = SqliteEventStore.open({ file, busyTimeoutMs, clock: { now: () => new Date(now.getTime()) } });
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: WriterRequest | 'close') => {
  if (message === 'close') {
    queue = queue.then(async () => {
      await store.close();
      parentPort!.close();
    });
    return;
  }
  queue = queue.then(async () => {
    let reply: WriterReply;
    try {
      now = new Date(message.now);
      reply = { id: message.id, results: await store.appendBatch(message.appends, message.options) };
    } catch (err) {
      const e = err as Error & Partial<LedgerError>;
      reply = {
        id: message.id,
        error: { name: e.name, code: e.code, kind: e.kind, message: e.message, details: err instanceof LedgerError ? err.details : undefined },
      };
    }
    parentPort!.postMessage(reply);
  });
});
