import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type ReadPosition,
} from '@eventstore/db-client';
import type { Clock, EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError, systemClock } from '@ledger/kernel';
import { validateAppend } from '../append-validation';
import {
  AppendResult,
  ChainBreak,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  IdempotencyViolationError,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
  VerifyProgress,
  VerifyReport,
  WrongExpectedRevisionError,
  type CommitObservation,
} from '../event-store.port';
import { canonicalJson, eventHash, GENESIS_HASH } from '../hash-chain';
import { READ_ALL_DEFAULT_LIMIT, READ_ALL_MAX_LIMIT } from '../sqlite/sqlite-event-store';
import {
  chainEvents,
  esdbStreamName,
  expectedMatches,
  fromResolvedEvent,
  mapEsdbError,
  isTransportFailure,
  redactUrl,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
} from './eventstoredb-mapping';

export interface EventStoreDbEventStoreOptions {
  /** esdb://host:2113?tls=false, esdb+discover://… (EVENTSTORE_URL). */
  connectionString: string;
  /**
   * Prepended to every stream name, and the only streams readAll/subscribeAll/verify look at. Default ''
   * (stream names are the port's ids, e.g. item-<uuid>, so EventStoreDB's $by_category sees `item`).
   * Tests use a unique prefix per run so a shared server never mixes runs.
   */
  streamPrefix?: string;
  /** Source of recordedAt and checkedAt. Default: systemClock. */
  clock?: Clock;
  /** How often an append with expected 'any' re-reads the head after losing a race. Default 5. */
  anyRetries?: number;
  /** Called after each append that wrote events (metrics); must not throw. */
  onCommit?: (commit: CommitObservation) => void;
}

const VERIFY_PROGRESS_EVERY = 10_000;

/**
 * The event-store port on EventStoreDB / KurrentDB through @eventstore/db-client (gRPC).
 * Semantics and their differences from the SQLite adapter: docs/adr/0011 and 0012.
 */
export class EventStoreDbEventStore implements EventStore {
  static connect(options: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(options.connectionString);
    } catch (err) {
      throw new EventStoreUnavailableError(
        `EVENTSTORE_URL ${redactUrl(options.connectionString)} is not a valid EventStoreDB connection string ` +
          `(expected esdb://host:2113?tls=false or esdb+discover://…): ${(err as Error).message}`,
      );
    }
    return new EventStoreDbEventStore(client, options);
  }

  private readonly prefix: string;
  private readonly clock: Clock;
  private readonly anyRetries: number;
  private readonly url: string;
  private closing: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly onCommit?: (commit: CommitObservation) => void;

  constructor(
    private readonly client: EventStoreDBClient,
    options: Omit<EventStoreDbEventStoreOptions, 'connectionString'> & { connectionString?: string },
  ) {
    this.prefix = options.streamPrefix ?? '';
    this.clock = options.clock ?? systemClock;
    this.anyRetries = options.anyRetries ?? 5;
    this.url = options.connectionString ?? '';
    this.onCommit = options.onCommit;
  }

  // ---------------------------------------------------------------- appends

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new EventStoreUnavailableError('event store is closed'));
    try {
      validateAppend(streamId, events, expected);
      validateForEsdb(streamId, events);
    } catch (err) {
      return Promise.reject(err);
    }
    const work = this.appendWithRetries(streamId, events, expected);
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private async appendWithRetries(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, expected);
      } catch (err) {
        // With 'any' the caller accepts any head; a lost race only means the chain must link to the new head.
        const lostRace = err instanceof WrongExpectedRevisionError && expected === 'any';
        if (!lostRace || attempt >= this.anyRetries) throw err;
      }
    }
  }

  /**
   * Reads the stream (ids for idempotency, head for the expected revision and the chain), then appends
   * with the head it read as expected revision, then reads back the appended events for their positions.
   */
  private async appendOnce(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const stream = await this.readStreamNow(streamId, {});

    const byId = new Map(stream.map((e) => [e.id, e]));
    const found = events.map((e) => byId.get(e.id));
    if (found.some((e) => e !== undefined)) return idempotentResult(streamId, found);

    const last = stream.length > 0 ? stream[stream.length - 1] : null;
    const head = last ? last.revision : 'no-stream';
    if (!expectedMatches(expected, head)) throw new WrongExpectedRevisionError(streamId, expected, head);

    const chained = chainEvents(streamId, events, last, GENESIS_HASH, this.clock.now().toISOString());
    const name = esdbStreamName(this.prefix, streamId);
    const started = performance.now();
    try {
      await this.client.appendToStream(name, chained.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(head),
      });
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) {
        throw mapEsdbError(err, { streamId, expected: expected === 'any' ? 'any' : expected, url: this.url });
      }
      throw mapEsdbError(err, { streamId, url: this.url });
    }

    // Read back what is now at those revisions: positions come from the log itself, and if the server
    // deduplicated our ids (a concurrent identical append won), the stored hashes are not the ones we computed.
    const firstRevision = chained[0].revision;
    const written = (await this.readStreamNow(streamId, { fromRevision: firstRevision })).slice(0, events.length);
    const ours = written.length === events.length && written.every((e, i) => e.id === events[i].id);
    if (!ours) {
      throw new EventStoreUnavailableError(
        `stream ${streamId}: the append succeeded but the events read back at revision ${firstRevision} are not the appended ones`,
      );
    }
    const lastWritten = written[written.length - 1];
    const alreadyAppended = lastWritten.hash !== chained[chained.length - 1].hash;
    if (!alreadyAppended) this.onCommit?.({ durationMs: performance.now() - started, appends: 1, eventTypes: events.map((e) => e.type) });
    return {
      nextRevision: lastWritten.revision,
      position: lastWritten.position,
      alreadyAppended,
    };
  }

  // ---------------------------------------------------------------- reads

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readStreamNow(streamId, options);
  }

  /** Also used by appends that are still finishing while close() waits for them. */
  private async readStreamNow(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const toPosition = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(esdbStreamName(this.prefix, streamId), {
        fromRevision: BigInt(options.fromRevision ?? 0),
        direction: FORWARDS,
      });
      for await (const resolved of read) {
        const event = fromResolvedEvent(this.prefix, resolved);
        if (!event) continue;
        if (event.position > toPosition) break;
        out.push(event);
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw mapEsdbError(err, { streamId, url: this.url });
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = readAllLimit(options.limit);
    const out: RecordedEvent[] = [];
    try {
      const from = await this.resolveStart(after);
      for await (const resolved of this.client.readAll({ fromPosition: from, direction: FORWARDS })) {
        const event = fromResolvedEvent(this.prefix, resolved as AllStreamResolvedEvent);
        if (!event || event.position <= after) continue;
        out.push(event);
        if (out.length >= limit) break;
      }
    } catch (err) {
      throw mapEsdbError(err, { url: this.url });
    }
    return out;
  }

  /** Position of the last ledger event of this store (system and foreign events are skipped), 0 when none. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    try {
      for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
        const event = fromResolvedEvent(this.prefix, resolved as AllStreamResolvedEvent);
        if (event) return event.position;
      }
    } catch (err) {
      throw mapEsdbError(err, { url: this.url });
    }
    return 0;
  }

  /**
   * A server position to start a forward read or subscription from, for "events with position > after".
   * `after` is usually an event position handed out earlier (a checkpoint, a page cursor): then it is used
   * as is (one probe read confirms an event sits exactly there). Any other number may point into the middle
   * of a log record, which the server cannot start from; then the start is the last ledger event at or
   * before `after`, found by reading $all backwards from the end (cost: the events after `after`).
   */
  private async resolveStart(after: number): Promise<ReadPosition> {
    if (after <= 0) return START;
    const exact = toEsdbPosition(after);
    try {
      for await (const resolved of this.client.readAll({ fromPosition: exact, direction: FORWARDS, maxCount: 1 })) {
        const commit = (resolved as AllStreamResolvedEvent).event?.position.commit;
        if (commit === BigInt(after)) return exact;
        break;
      }
    } catch (err) {
      if (isTransportFailure(err)) throw err;
      // not a record boundary (the server answers "invalid position"): fall through to the backward search
    }
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
      const position = (resolved as AllStreamResolvedEvent).event?.position;
      if (position && position.commit <= BigInt(after)) return position;
    }
    return START;
  }

  // ---------------------------------------------------------------- subscriptions

  subscribeAll(after: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new EsdbSubscription(
      async () => {
        const from = await this.resolveStart(after);
        return this.client.subscribeToAll({
          fromPosition: from,
          filter: this.prefix ? streamNameFilter({ prefixes: [this.prefix] }) : excludeSystemEvents(),
        });
      },
      (resolved) => {
        const event = fromResolvedEvent(this.prefix, resolved);
        return event && event.position > after ? event : null;
      },
      handler,
      options.onError ?? ((e) => console.error('event-store subscription stopped:', e)),
      (err) => mapEsdbError(err, { url: this.url }),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  // ---------------------------------------------------------------- verification

  /**
   * Walks this store's events in $all order up to the head at call time, keeping the last revision and
   * hash of each stream. Positions are not gap-free in EventStoreDB, so there is no position-gap check;
   * a deleted or scavenged event shows as a revision gap or a prev-hash mismatch of its successor.
   */
  async verify(onProgress?: VerifyProgress): Promise<VerifyReport> {
    this.assertOpen();
    const head = await this.headPosition();
    const streams = new Map<string, { revision: number; hash: string }>();
    let firstBreak: ChainBreak | null = null;
    let eventsChecked = 0;
    if (head > 0) {
      try {
        for await (const resolved of this.client.readAll({ fromPosition: START, direction: FORWARDS })) {
          const event = fromResolvedEvent(this.prefix, resolved as AllStreamResolvedEvent);
          if (!event) continue;
          if (event.position > head) break;
          firstBreak ??= checkLink(event, streams.get(event.streamId));
          streams.set(event.streamId, { revision: event.revision, hash: event.hash });
          eventsChecked += 1;
          if (eventsChecked % VERIFY_PROGRESS_EVERY === 0) onProgress?.(eventsChecked);
        }
      } catch (err) {
        throw mapEsdbError(err, { url: this.url });
      }
    }
    return {
      ok: firstBreak === null,
      streamsChecked: streams.size,
      eventsChecked,
      firstBreak,
      checkedAt: this.clock.now().toISOString(),
    };
  }

  // ---------------------------------------------------------------- lifecycle

  /** Waits for in-flight appends, stops subscriptions (waiting for running handlers), disposes the client. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      await Promise.all([...this.subscriptions].map((s) => s.close()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('event store is closed');
  }
}

/** EventStoreDB-specific shape rules on top of validateAppend. */
export function validateForEsdb(streamId: string, events: EventToAppend[]): void {
  if (streamId.startsWith('$')) {
    throw new LedgerError('STREAM.INVALID_APPEND', 'validation', 'stream ids starting with $ are reserved for EventStoreDB', { streamId });
  }
  for (const e of events) {
    if (!UUID.test(e.id)) {
      throw new LedgerError('STREAM.INVALID_APPEND', 'validation', `event id ${e.id} is not a UUID (EventStoreDB requires UUID event ids)`, {
        streamId,
      });
    }
    if (e.type.startsWith('$')) {
      throw new LedgerError('STREAM.INVALID_APPEND', 'validation', `event type ${e.type} is reserved for EventStoreDB`, { streamId });
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Same rule as the SQLite adapter: a retry repeats the whole append, as consecutive events, in order. */
export function idempotentResult(streamId: string, found: Array<RecordedEvent | undefined>): AppendResult {
  const present = found.filter((e): e is RecordedEvent => e !== undefined);
  if (present.length < found.length) {
    throw new IdempotencyViolationError(
      streamId,
      `stream ${streamId}: ${present.length} of ${found.length} event ids are already stored; an idempotent retry must repeat the whole append`,
    );
  }
  const first = present[0];
  if (!present.every((e, i) => e.revision === first.revision + i)) {
    throw new IdempotencyViolationError(
      streamId,
      `stream ${streamId}: the event ids are already stored, but not as this stream's consecutive events in this order`,
    );
  }
  const last = present[present.length - 1];
  return { nextRevision: last.revision, position: last.position, alreadyAppended: true };
}

/** One link of a stream's chain, as verify() checks it (no position-gap check: positions are not gap-free). */
export function checkLink(event: RecordedEvent, previous: { revision: number; hash: string } | undefined): ChainBreak | null {
  const at = { streamId: event.streamId, revision: event.revision, position: event.position };
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (event.revision !== expectedRevision) {
    return { ...at, problem: 'revision-gap', expected: String(expectedRevision), actual: String(event.revision) };
  }
  const expectedPrevHash = previous ? previous.hash : GENESIS_HASH;
  if (event.prevHash !== expectedPrevHash) {
    return { ...at, problem: 'prev-hash-mismatch', expected: expectedPrevHash, actual: event.prevHash };
  }
  const recomputed = eventHash(event.prevHash, {
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(event.metadata),
    recordedAt: event.recordedAt,
  });
  if (recomputed !== event.hash) return { ...at, problem: 'hash-mismatch', expected: recomputed, actual: event.hash };
  return null;
}

function readAllLimit(limit: number | undefined): number {
  if (limit === undefined) return READ_ALL_DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`readAll limit must be a positive integer, got ${String(limit)}`);
  }
  return Math.min(limit, READ_ALL_MAX_LIMIT);
}

/** Lets close() know it is being called from inside this subscription's own handler. */
const insideHandler = new AsyncLocalStorage<EsdbSubscription>();

/** Events a subscription delivers between two yields to the event loop. */
const YIELD_EVERY = 500;

/**
 * Catch-up subscription to $all: the client delivers from the start position, then live. Events are pulled
 * one at a time through the async iterator, so the handler is awaited before the next event is delivered.
 */
class EsdbSubscription implements Subscription {
  private closed = false;
  private source: AllStreamSubscription | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly open: () => Promise<AllStreamSubscription>,
    private readonly toLedgerEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent | null,
    private readonly handler: SubscriptionHandler,
    private readonly onError: (error: unknown) => void,
    private readonly mapSourceError: (error: unknown) => unknown,
    private readonly onStop: () => void,
  ) {}

  start(): void {
    this.done = this.run();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.source?.unsubscribe().catch(() => undefined);
    }
    if (insideHandler.getStore() === this) return; // awaiting our own loop from its handler would deadlock
    await this.done;
  }

  private async run(): Promise<void> {
    try {
      await Promise.resolve(); // the handler never runs before subscribeAll() has returned
      const source = await this.open();
      this.source = source;
      if (this.closed) {
        await source.unsubscribe().catch(() => undefined);
        return;
      }
      let sinceYield = 0;
      for await (const resolved of source) {
        if (this.closed) break;
        const event = this.toLedgerEvent(resolved);
        if (!event) continue;
        try {
          await insideHandler.run(this, () => this.handler(event));
        } catch (handlerError) {
          throw new HandlerFailure(handlerError);
        }
        // Buffered messages and a synchronous handler resolve as microtasks: let timers and I/O run now and then.
        if (++sinceYield >= YIELD_EVERY) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      if (!this.closed) {
        this.closed = true;
        await this.source?.unsubscribe().catch(() => undefined);
        // The handler's own error goes out as thrown; reading errors become port errors.
        this.onError(error instanceof HandlerFailure ? error.cause : this.mapSourceError(error));
      }
    } finally {
      this.onStop();
    }
  }
}

class HandlerFailure {
  constructor(readonly cause: unknown) {}
}
