import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LedgerError, type Clock } from '@ledger/kernel';
import { EventStoreUnavailableError, IdempotencyViolationError, WrongExpectedRevisionError, type AppendResult } from '../event-store.port';
import { HeadMovedError, type BatchAppendOptions, type BatchAppendRequest, type BatchWriter } from '../batch-append';

/** What the worker gets with each batch; recordedAt is the caller's clock reading. */
export interface WriterRequest {
  id: number;
  appends: readonly BatchAppendRequest[];
  options: BatchAppendOptions;
  now: string;
}

export type WriterReply =
  | { id: number; results: AppendResult[] }
  | { id: number; error: { name: string; code?: string; kind?: string; message: string; details?: Record<string, unknown> } };

/** Rebuilds the error the worker's store threw, as the same class, so callers handle it as from appendBatch. */
function errorOf(e: Extract<WriterReply, { error: unknown }>['error']): Error {
  const d = (e.details ?? {}) as Record<string, any>;
  switch (e.name) {
    case 'WrongExpectedRevisionError':
      return new WrongExpectedRevisionError(d.streamId, d.expected, d.actual);
    case 'IdempotencyViolationError':
      return new IdempotencyViolationError(d.streamId, e.message);
    case 'HeadMovedError':
      return new HeadMovedError(d.expected, d.actual);
    case 'EventStoreUnavailableError':
      return new EventStoreUnavailableError(e.message);
    default:
      return e.code && e.kind ? new LedgerError(e.code, e.kind as LedgerError['kind'], e.message, d) : new EventStoreUnavailableError(e.message);
  }
}

/**
 * SqliteEventStore.appendBatch on a worker thread with its own connection to the same file (ADR 0027). Batches
 * are committed one after another in the order handed over; each call resolves (or rejects, nothing of that batch
 * written) once its transaction has committed. A crash of the thread rejects what is pending.
 */
export class SqliteBatchWriter implements BatchWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(r: AppendResult[]): void; reject(e: unknown): void }>();
  private nextId = 1;
  private failure: Error | null = null;
  private closed: Promise<void> | null = null;
  /** Settles after the last batch handed over has (or failed to). */
  private last: Promise<unknown> = Promise.resolve();
  private readonly exited: Promise<void>;

  static start(file: string, clock: Clock, busyTimeoutMs: number): SqliteBatchWriter {
    return new SqliteBatchWriter(file, clock, busyTimeoutMs);
  }

  private constructor(
    file: string,
    private readonly clock: Clock,
    busyTimeoutMs: number,
  ) {
    // Compiled, the worker inherits the process's node options. Run from TypeScript (ts-node, jest) it gets the
    // loaders itself: what the parent's execArgv holds then differs by launcher (the ts-node binary rewrites it).
    const ts = extname(__filename) === '.ts';
    this.worker = new Worker(join(__dirname, `sqlite-batch-writer.worker${extname(__filename)}`), {
      workerData: { file, busyTimeoutMs },
      ...(ts ? { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] } : {}),
    });
    this.worker.on('message', (reply: WriterReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('results' in reply) p.resolve(reply.results);
      else p.reject(errorOf(reply.error));
    });
    const fail = (err: Error) => {
      this.failure ??= new EventStoreUnavailableError(`the batch writer thread stopped: ${err.message}`);
      for (const p of this.pending.values()) p.reject(this.failure);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.exited = new Promise((resolve) =>
      this.worker.on('exit', (code) => {
        if (code !== 0 || this.closed === null) fail(new Error(`exit code ${code}`));
        resolve();
      }),
    );
  }

  appendBatch(appends: readonly BatchAppendRequest[], options: BatchAppendOptions = {}): Promise<AppendResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('the batch writer is closed'));
    const id = this.nextId++;
    const done = new Promise<AppendResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: WriterRequest = { id, appends, options, now: this.clock.now().toISOString() };
      this.worker.postMessage(request);
    });
    this.last = done.catch(() => undefined);
    return done;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.last;
      if (!this.failure) this.worker.postMessage('close');
      else void this.worker.terminate();
      await this.exited;
    })();
    return this.closed;
  }
}
