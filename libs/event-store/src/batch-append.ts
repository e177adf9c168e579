import type { EventToAppend } from '@ledger/kernel';
import type { AppendResult, EventStore, ExpectedRevision } from './event-store.port';

/** One append of an atomic batch. */
export interface BatchAppendRequest {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
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
  appendBatch(appends: readonly BatchAppendRequest[]): Promise<AppendResult[]>;
}

export function appendsAtomically(store: EventStore): store is EventStore & AtomicBatchAppend {
  return typeof (store as Partial<AtomicBatchAppend>).appendBatch === 'function';
}
