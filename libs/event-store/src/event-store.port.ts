import type { EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError } from '@ledger/kernel';

/**
 * Expected revision for an append (EventStoreDB semantics):
 * - 'no-stream': the stream must not exist yet;
 * - 'any': no check;
 * - a number: the revision (0-based) of the stream's last event.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextRevision: number;
  /** Global position of the last appended event. */
  position: number;
  /** True when every event id was already in the stream: an idempotent retry wrote nothing. */
  alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  /** Only events with position <= this. */
  toPosition?: number;
}

export interface ReadAllOptions {
  /** Exclusive: return events with position > after. Default 0 (from the start). */
  after?: number;
  limit?: number;
}

export interface Subscription {
  close(): Promise<void>;
}

export type SubscriptionHandler = (event: RecordedEvent) => void | Promise<void>;

export interface SubscribeOptions {
  /**
   * Called once when the subscription stops on an error (the handler threw or rejected, or reading
   * failed). The subscription does not retry; resubscribe from the last handled position.
   */
  onError?(error: unknown): void;
}

export interface ChainBreak {
  streamId: string;
  revision: number;
  position: number;
  problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap' | 'position-gap';
  expected: string;
  actual: string;
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** First broken link found in global order, if any. */
  firstBreak: ChainBreak | null;
  checkedAt: string;
}

/** What one commit wrote, for metrics: an adapter option (`onCommit`), called after the commit returned. */
export interface CommitObservation {
  /** The commit itself (SQLite: the batch transaction including its fsync; EventStoreDB: the append call). */
  durationMs: number;
  /** Append requests it carried (SQLite group commit: several; EventStoreDB: one). */
  appends: number;
  /** Type of every event written (idempotent retries that wrote nothing are not in it). */
  eventTypes: string[];
}

export interface VerifyProgress {
  (eventsChecked: number): void;
}

/**
 * The event-store port. Adapters: SQLite (embedded default), EventStoreDB (distributed).
 * Both must pass libs/event-store/src/testing/event-store.contract.ts.
 */
export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of events across all streams in global position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last committed event (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * Live subscription: delivers every event with position > after, in order, first catching up
   * then waking on each commit. The handler is awaited before the next event is delivered.
   * While catching up it yields to the event loop now and then, even with a synchronous handler.
   * If the handler throws, the subscription stops and the error goes to options.onError.
   */
  subscribeAll(after: number, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription;
  /** Recompute every stream's hash chain and report the first broken link. */
  verify(onProgress?: VerifyProgress): Promise<VerifyReport>;
  /** Finish in-flight appends, then release resources. */
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends LedgerError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(
      'STREAM.WRONG_EXPECTED_REVISION',
      'concurrency',
      `stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`,
      { streamId, expected, actual },
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some (not all) of the event ids of an append are already stored: the retry is not the same request. */
export class IdempotencyViolationError extends LedgerError {
  constructor(readonly streamId: string, message: string) {
    super('STREAM.IDEMPOTENCY_VIOLATION', 'concurrency', message, { streamId });
    this.name = 'IdempotencyViolationError';
  }
}

export class EventStoreUnavailableError extends LedgerError {
  constructor(message: string) {
    super('STORE.UNAVAILABLE', 'unavailable', message);
    this.name = 'EventStoreUnavailableError';
  }
}
