import { LedgerError, type EventToAppend } from '@ledger/kernel';
import type { AppendResult, EventStore, ExpectedRevision } from './event-store.port';

/**
 * An event whose data and metadata the caller has already turned into JSON text. Canonical text (`canonicalJson` of a
 * plain object) is stored and hashed exactly as given; with `canonicalize` the text is any JSON of a plain object
 * (JSON.stringify's, say) and the store parses it and stores its canonical form — on its own thread, for a writer.
 */
export interface SerializedEventToAppend {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  canonicalize?: boolean;
}

/** One append of an atomic batch. */
export interface BatchAppendRequest {
  streamId: string;
  /** Events as `append` takes them, or already serialized (a bulk import serializes once, for itself and the store). */
  events: Array<EventToAppend | SerializedEventToAppend>;
  expected: ExpectedRevision;
}

export interface BatchAppendOptions {
  /** The batch commits only if the store's head is exactly this position (no one else wrote since). */
  expectedHead?: number;
}

/** appendBatch with `expectedHead`: someone else wrote since; nothing of the batch was written. */
export class HeadMovedError extends LedgerError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super('STORE.HEAD_MOVED', 'concurrency', `expected the store's head at position ${expected}, it is at ${actual}`, { expected, actual });
    this.name = 'HeadMovedError';
  }
}

export function isSerialized(event: EventToAppend | SerializedEventToAppend): event is SerializedEventToAppend {
  return typeof (event as SerializedEventToAppend).dataJson === 'string';
}

/**
 * Optional capability of an event store (ADR 0027): several appends, to one stream or many, committed atomically,
 * each judged and written exactly as `append` would at its place in the sequence (idempotent retries, expected
 * revisions, consecutive positions, hash chains); the first failing append rolls the whole batch back.
 *
 * Not part of the EventStore port: the SQLite adapter has it; EventStoreDB (client 6.x) has no atomic append to
 * several streams, so callers fall back to one `append` at a time.
 */
export interface AtomicBatchAppend {
  appendBatch(appends: readonly BatchAppendRequest[], options?: BatchAppendOptions): Promise<AppendResult[]>;
}

/**
 * A writer on a thread of its own that commits batches (appendBatch, same semantics) while the caller prepares
 * the next one. Its commits reach the store's subscriptions by their polling, not at once.
 */
export interface BatchWriter extends AtomicBatchAppend {
  /** Finishes the batches handed over, then stops the thread. */
  close(): Promise<void>;
}

export function appendsAtomically(store: EventStore): store is EventStore & AtomicBatchAppend {
  return typeof (store as Partial<AtomicBatchAppend>).appendBatch === 'function';
}

/** Optional as well: a store that can open a BatchWriter (SQLite: a worker thread with its own connection). */
export function opensBatchWriter(store: EventStore): store is EventStore & AtomicBatchAppend & { openBatchWriter(): BatchWriter } {
  return appendsAtomically(store) && typeof (store as { openBatchWriter?: unknown }).openBatchWriter === 'function';
}
