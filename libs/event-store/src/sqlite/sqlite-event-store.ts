import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Clock, EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError, systemClock } from '@ledger/kernel';
import { validateAppend } from '../append-validation';
import {
  AppendResult,
  ChainBreak,
  CommitObservation,
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
} from '../event-store.port';
import { canonicalJson, eventHash, GENESIS_HASH } from '../hash-chain';
import {
  HeadMovedError,
  isSerialized,
  type AtomicBatchAppend,
  type BatchAppendOptions,
  type BatchAppendRequest,
  type BatchWriter,
  type SerializedEventToAppend,
} from '../batch-append';
import { SqliteBatchWriter } from './sqlite-batch-writer';

export interface SqliteEventStoreOptions {
  /** Database file; created with the schema when missing. */
  file: string;
  /** Source of recordedAt and checkedAt. Default: systemClock. */
  clock?: Clock;
  /** How often subscriptions look for commits made by other processes. Default 200 ms. */
  pollIntervalMs?: number;
  /** How long a commit waits for another process's write lock. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** WAL pages between automatic checkpoints. Default 10,000 (~40 MB; bulk imports, ADR 0027). */
  walAutocheckpointPages?: number;
  /** Called after each commit has been made durable (metrics: the duration includes the fsync); must not throw. */
  onCommit?: (commit: CommitObservation) => void;
  /** Open an existing store for reads and verification only (offline checks, backups): nothing is created or changed. */
  readonly?: boolean;
}

/**
 * Counters since open: `commits` SQLite transactions carried `appends` append requests (`events` rows written);
 * `syncs` fsyncs of the WAL made them durable (one covers every commit made before it started).
 */
export interface SqliteEventStoreStats {
  commits: number;
  appends: number;
  events: number;
  syncs: number;
}

export const READ_ALL_DEFAULT_LIMIT = 1000;
export const READ_ALL_MAX_LIMIT = 10_000;
const SUBSCRIPTION_PAGE = 500;
/** Events kept for the other subscriptions of the process (a few pages: they follow the head close together). */
const SHARED_EVENTS = 4000;
const VERIFY_PAGE = 10_000;
const VERIFY_PROGRESS_EVERY = 10_000;

/**
 * Positions are the rowid, assigned explicitly as head + 1 inside the write transaction: gap-free.
 * A stream's head is read from the UNIQUE(stream_id, revision) index (no separate streams table:
 * one less write per append, and nothing that can drift from the events).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
  prev_hash: string;
}

/** An event with data and metadata already serialized to the JSON text that will be stored and hashed. */
interface SerializedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

interface SerializedAppend {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

interface PendingAppend extends SerializedAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export class SqliteEventStore implements EventStore, AtomicBatchAppend {
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    let db: Database.Database;
    try {
      db = new Database(options.file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (err) {
      throw new EventStoreUnavailableError(`cannot open event store ${options.file}: ${errorMessage(err)}`);
    }
    if (options.readonly) {
      try {
        db.prepare('SELECT 1 FROM events LIMIT 1').get();
      } catch (err) {
        db.close();
        throw new EventStoreUnavailableError(`${options.file} is not an event store: ${errorMessage(err)}`);
      }
      return new SqliteEventStore(db, options.file, options.clock ?? systemClock, options.pollIntervalMs ?? 200, options.busyTimeoutMs ?? 5000, undefined, true);
    }
    try {
      // The durability below rests on WAL mode (the store fsyncs the `-wal` file): refuse to run in any other.
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal (the file system may not support WAL)`);
      // COMMIT writes the WAL frames without waiting for the disk; the store then fsyncs the WAL off the event loop
      // and settles appends (and shows events to readers) only after that: durable as with FULL (ADR 0031).
      // NORMAL, never OFF: checkpoints (wal_autocheckpoint, run by whichever connection's COMMIT crosses that many
      // pages — every writing connection is opened here) sync the WAL before copying it into the database file and
      // the database file before nBackfill reaches the WAL's end, so a restarted WAL never overwrites frames that
      // are on disk nowhere else. With OFF they sync nothing (checked with strace in the int spec).
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      // Indexes keyed by random ids (event_id, stream_id): a batch dirties thousands of pages. A 64 MiB cache and a
      // 40 MB WAL between checkpoints write each of them fewer times (bulk import, ADR 0027; as the read model, 0019).
      db.pragma('cache_size = -65536');
      db.pragma(`wal_autocheckpoint = ${Math.max(1, Math.floor(options.walAutocheckpointPages ?? 10_000))}`);
      db.exec(SCHEMA);
    } catch (err) {
      db.close();
      throw new EventStoreUnavailableError(`cannot initialise event store ${options.file}: ${errorMessage(err)}`);
    }
    return new SqliteEventStore(db, options.file, options.clock ?? systemClock, options.pollIntervalMs ?? 200, options.busyTimeoutMs ?? 5000, options.onCommit);
  }

  private readonly sql: ReturnType<typeof prepareStatements>;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closing: Promise<void> | null = null;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly counters: SqliteEventStoreStats = { commits: 0, appends: 0, events: 0, syncs: 0 };
  /** Highest position known to be on disk: appends settle, and readers see events, only up to here. */
  private durable: number;
  private walFd: number | null = null;
  /** The fsync running now, and the one that starts after it (for commits made meanwhile). */
  private syncing: Promise<void> | null = null;
  private nextSync: { promise: Promise<void>; resolve(): void; reject(error: unknown): void } | null = null;
  /** Set when an fsync failed: what was committed may not be on disk, so nothing more is acknowledged. */
  private syncFailure: Error | null = null;
  /** Head of the store as last seen (subscriptions are woken when another process moved it). */
  private seenHead = 0;
  /** Events subscriptions read last, by position from `sharedFrom` (see sharedRead). */
  private shared: RecordedEvent[] = [];
  private sharedFrom = 1;
  /** One transaction for the whole batch; `appendOne` nested inside it runs in its own SAVEPOINT (several events). */
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;
  private readonly appendOne: Database.Transaction<(request: PendingAppend, ctx: BatchContext) => AppendResult>;
  /** appendBatch: every request in one transaction, no savepoints: the first failure rolls all of them back. */
  private readonly commitAll: Database.Transaction<(requests: SerializedAppend[], expectedHead: number | undefined) => AppendResult[]>;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly clock: Clock,
    private readonly pollIntervalMs: number,
    private readonly busyTimeoutMs: number,
    private readonly onCommit?: (commit: CommitObservation) => void,
    private readonly readonly = false,
  ) {
    this.sql = prepareStatements(db);
    this.appendOne = db.transaction((request: PendingAppend, ctx: BatchContext) => this.applyAppend(request, ctx));
    this.commitBatch = db.transaction((batch: PendingAppend[]) => this.applyBatch(batch));
    this.commitAll = db.transaction((requests: SerializedAppend[], expectedHead: number | undefined) => {
      const ctx = this.batchContext();
      if (expectedHead !== undefined && ctx.nextPosition - 1 !== expectedHead) throw new HeadMovedError(expectedHead, ctx.nextPosition - 1);
      return requests.map((request) => this.applyAppend(request, ctx));
    });
    // Whatever an earlier process committed but had not synced yet (it was killed in between) is synced now.
    const fd = this.walFdOrNull();
    if (fd !== null) fdatasyncSync(fd);
    this.durable = this.headPositionNow();
    this.seenHead = this.durable;
  }

  // ---------------------------------------------------------------- appends (group commit)

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) throw new EventStoreUnavailableError('event store is closed');
    if (this.readonly) throw new EventStoreUnavailableError('event store is opened readonly: appends are refused');
    if (this.syncFailure) throw this.unavailableAfterSyncFailure();
    validateAppend(streamId, events, expected);
    const serialized = serialize(events);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events: serialized, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Commits every queued append in ONE transaction. Appends issued while this runs (better-sqlite3 is
   * synchronous, so: everything issued since the last flush) form the next batch, which may commit while this
   * one's fsync runs. Promises settle only after an fsync of the WAL that started after COMMIT has returned.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    let outcomes: Outcome[];
    const started = this.onCommit ? performance.now() : 0;
    try {
      outcomes = this.commitBatch.immediate(batch);
      this.counters.commits += 1;
    } catch (err) {
      const error = new EventStoreUnavailableError(`commit failed, nothing was written: ${errorMessage(err)}`);
      for (const request of batch) request.reject(error);
      return;
    }

    this.counters.appends += batch.length;
    // An idempotent retry's events may have been committed (not yet synced) by another process: they wait too.
    this.sync().then(
      () => {
        outcomes.forEach((outcome, i) => {
          if (outcome.ok) {
            if (!outcome.result.alreadyAppended) this.counters.events += batch[i].events.length;
            batch[i].resolve(outcome.result);
          } else {
            batch[i].reject(outcome.error);
          }
        });
        if (this.onCommit) {
          const eventTypes: string[] = [];
          outcomes.forEach((o, i) => {
            if (o.ok && !o.result.alreadyAppended) for (const e of batch[i].events) eventTypes.push(e.type);
          });
          this.onCommit({ durationMs: performance.now() - started, appends: batch.length, eventTypes });
        }
      },
      () => {
        const error = this.unavailableAfterSyncFailure();
        for (const request of batch) request.reject(error);
      },
    );
  }

  // ---------------------------------------------------------------- durability (fsync off the event loop)

  /**
   * Resolves once every commit made before this call is on disk: an fdatasync of the WAL (in libuv's thread pool)
   * that started after this call. Calls while one runs share the next one. Readers are woken after each.
   */
  private sync(): Promise<void> {
    if (this.syncFailure) return Promise.reject(this.syncFailure);
    if (!this.syncing) return this.startSync();
    if (!this.nextSync) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.nextSync = { promise, resolve, reject };
    }
    return this.nextSync.promise;
  }

  private startSync(): Promise<void> {
    const target = this.headPositionNow(); // committed by anyone before the fsync starts
    const fd = this.walFdOrNull();
    this.syncing = new Promise<void>((resolve, reject) => {
      const done = (err: NodeJS.ErrnoException | null) => {
        this.syncing = null;
        if (err) {
          this.syncFailure ??= new EventStoreUnavailableError(`fsync of the event store failed (${err.code ?? err.message}); committed events may not be durable — restart the ledger`);
          reject(this.syncFailure);
        } else {
          this.counters.syncs += 1;
          if (target > this.durable) {
            this.durable = target;
            for (const subscription of this.subscriptions) subscription.notify();
          }
          resolve();
        }
        const next = this.nextSync;
        this.nextSync = null;
        if (next) this.sync().then(next.resolve, next.reject);
      };
      if (fd === null) setImmediate(() => done(null));
      else fdatasync(fd, done);
    });
    return this.syncing;
  }

  /** The WAL file, opened once it exists (SQLite creates it on the first write). */
  private walFdOrNull(): number | null {
    if (this.walFd === null) {
      try {
        this.walFd = openSync(`${this.file}-wal`, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    }
    return this.walFd;
  }

  /** Waits until `position` is durable (when a reader got an event another process committed a moment ago). */
  private async durableUpTo(position: number): Promise<void> {
    while (this.durable < position) await this.sync();
  }

  private unavailableAfterSyncFailure(): EventStoreUnavailableError {
    return this.syncFailure instanceof EventStoreUnavailableError
      ? this.syncFailure
      : new EventStoreUnavailableError(`fsync of the event store failed: ${errorMessage(this.syncFailure)}`);
  }

  /**
   * Several appends, to one stream or to many, committed in ONE transaction: all of them or none (ADR 0027).
   * Each is judged and written exactly as `append` would judge and write it at its place in the sequence: an
   * idempotent retry returns its original result and writes nothing, the expected revision is checked against
   * the stream as the earlier appends of the batch left it, positions are consecutive in the order given and
   * every event chains to its stream's previous one; all events share the commit's recordedAt. The first append
   * that fails (WrongExpectedRevisionError, IdempotencyViolationError, invalid) rolls the whole batch back and
   * the call rejects with its error; so does HeadMovedError when `expectedHead` is given and the store's head is
   * elsewhere. Appends queued by `append` before the call are committed first.
   *
   * Not part of the EventStore port (see AtomicBatchAppend).
   */
  async appendBatch(appends: readonly BatchAppendRequest[], options: BatchAppendOptions = {}): Promise<AppendResult[]> {
    if (this.closing) throw new EventStoreUnavailableError('event store is closed');
    if (this.readonly) throw new EventStoreUnavailableError('event store is opened readonly: appends are refused');
    if (this.syncFailure) throw this.unavailableAfterSyncFailure();
    for (const a of appends) validateAppend(a.streamId, a.events, a.expected);
    if (appends.length === 0) return [];
    const requests = appends.map((a) => ({ streamId: a.streamId, events: serialize(a.events), expected: a.expected }));
    if (this.queue.length > 0) this.flush();
    const started = this.onCommit ? performance.now() : 0;
    let results: AppendResult[];
    try {
      results = this.commitAll.immediate(requests, options.expectedHead);
    } catch (err) {
      if (err instanceof LedgerError) throw err;
      throw new EventStoreUnavailableError(`commit failed, nothing was written: ${errorMessage(err)}`);
    }
    this.counters.commits += 1;
    this.counters.appends += requests.length;
    results.forEach((result, i) => {
      if (!result.alreadyAppended) this.counters.events += requests[i].events.length;
    });
    // Committed without waiting for the disk (synchronous=NORMAL): settled, and shown to readers, once an fsync of
    // the WAL that started after the commit has returned, as for append (ADR 0031).
    try {
      await this.sync();
    } catch {
      throw this.unavailableAfterSyncFailure();
    }
    if (this.onCommit) {
      const eventTypes = results.flatMap((r, i) => (r.alreadyAppended ? [] : requests[i].events.map((e) => e.type)));
      this.onCommit({ durationMs: performance.now() - started, appends: requests.length, eventTypes });
    }
    return results;
  }

  /**
   * appendBatch on a worker thread with its own connection to this file (ADR 0027): a bulk writer commits one batch
   * while it prepares the next. recordedAt still comes from this store's clock. Close it before closing the store.
   */
  openBatchWriter(): BatchWriter {
    this.assertOpen();
    if (this.readonly) throw new EventStoreUnavailableError('event store is opened readonly: appends are refused');
    return SqliteBatchWriter.start(this.file, this.clock, this.busyTimeoutMs);
  }

  private batchContext(): BatchContext {
    const last = this.sql.lastEvent.get() as { position: number; recorded_at: string } | undefined;
    const now = this.clock.now().toISOString();
    return {
      nextPosition: (last?.position ?? 0) + 1,
      // recordedAt never goes backwards along positions, even if the clock does.
      recordedAt: last && last.recorded_at > now ? last.recorded_at : now,
      heads: new Map(),
    };
  }

  private applyBatch(batch: PendingAppend[]): Outcome[] {
    const ctx = this.batchContext();
    const outcomes: Outcome[] = [];
    for (const request of batch) {
      try {
        // One event is one INSERT, which SQLite backs out by itself if it fails: no SAVEPOINT needed (two statements
        // fewer per append). Several events run in their own SAVEPOINT, so a failure leaves none of them.
        const result = request.events.length === 1 ? this.applyAppend(request, ctx) : this.appendOne(request, ctx);
        outcomes.push({ ok: true, result });
      } catch (error) {
        // Some SQLite errors (I/O, disk full) roll back the whole transaction: then the batch fails.
        if (!this.db.inTransaction) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  /**
   * Expected revision, then the inserts. Event ids already stored are looked up only when one of these fails (the
   * UNIQUE index on event_id refuses a stored id): a retry of the same append then gets its original result, an id
   * stored elsewhere an IdempotencyViolationError, exactly as if the ids had been looked up first. On a failure the
   * batch's next position is restored, so positions stay gap-free.
   */
  private applyAppend(request: SerializedAppend, ctx: BatchContext): AppendResult {
    const { streamId, events, expected } = request;

    const head = ctx.heads.get(streamId) ?? (this.sql.streamHead.get(streamId) as StreamHead | undefined);
    const actual = head ? head.revision : 'no-stream';
    if (expected !== 'any' && expected !== actual) {
      const replay = this.storedAppend(streamId, events);
      if (replay) return replay;
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }

    const firstPosition = ctx.nextPosition;
    let revision = head ? head.revision + 1 : 0;
    let prevHash = head ? head.hash : GENESIS_HASH;
    try {
      for (const e of events) {
        const hash = eventHash(prevHash, { streamId, revision, ...e, recordedAt: ctx.recordedAt });
        this.sql.insert.run(
          ctx.nextPosition, e.id, streamId, revision, e.type, e.schemaVersion,
          e.dataJson, e.metadataJson, ctx.recordedAt, hash, prevHash,
        );
        prevHash = hash;
        revision += 1;
        ctx.nextPosition += 1;
      }
    } catch (err) {
      ctx.nextPosition = firstPosition;
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.event_id/.test(String((err as Error).message))) {
        // Only when every id was stored before (nothing of this append was inserted) is this a retry.
        const replay = this.storedAppend(streamId, events);
        if (replay) return replay;
      }
      throw err;
    }
    ctx.heads.set(streamId, { revision: revision - 1, hash: prevHash });
    return { nextRevision: revision - 1, position: ctx.nextPosition - 1, alreadyAppended: false };
  }

  /** When the append's ids are stored: its original result (a retry); IdempotencyViolationError when only some are, or elsewhere; null when none is. */
  private storedAppend(streamId: string, events: SerializedEvent[]): AppendResult | null {
    const stored = events.map((e) => this.sql.eventById.get(e.id) as StoredId | undefined);
    const found = stored.filter((s): s is StoredId => s !== undefined).length;
    return found === 0 ? null : idempotentResult(streamId, stored, found);
  }

  stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  // ---------------------------------------------------------------- reads

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows = this.sql.readStream.all(
      streamId,
      options.fromRevision ?? 0,
      options.toPosition ?? Number.MAX_SAFE_INTEGER,
    ) as EventRow[];
    // Nothing is read before it is durable (an event another process has committed but not synced yet).
    const last = rows.length ? rows.reduce((max, r) => Math.max(max, r.position), 0) : 0;
    if (last > this.durable) await this.durableUpTo(last);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows = this.readAllNow(options.after ?? 0, readAllLimit(options.limit), Number.MAX_SAFE_INTEGER);
    if (rows.length && rows[rows.length - 1].position > this.durable) await this.durableUpTo(rows[rows.length - 1].position);
    return rows;
  }

  /** The last committed position; when another process moved it, this process's subscriptions look at once. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    const head = this.headPositionNow();
    if (head > this.seenHead) {
      this.seenHead = head;
      if (head > this.durable) void this.sync().catch(() => undefined); // wakes the subscriptions when done
      else for (const subscription of this.subscriptions) subscription.notify();
    }
    return head;
  }

  private readAllNow(after: number, limit: number, upTo: number): RecordedEvent[] {
    return (this.sql.readAll.all(after, upTo, limit) as EventRow[]).map(toRecordedEvent);
  }

  private headPositionNow(): number {
    const last = this.sql.lastEvent.get() as { position: number } | undefined;
    return last?.position ?? 0;
  }

  /** A subscription's page: durable events only; if more are committed, an fsync is asked for (it wakes them). */
  private subscriptionPage(after: number): RecordedEvent[] {
    const page = this.sharedRead(after, SUBSCRIPTION_PAGE, this.durable);
    if (page.length < SUBSCRIPTION_PAGE && this.headPositionNow() > this.durable && !this.syncFailure) {
      void this.sync().catch(() => undefined);
    }
    return page;
  }

  /**
   * The events after `after` (up to `limit`, none beyond `upTo`), taken from the ones this process's subscriptions
   * read last where possible: the read model, the analytics projector, the webhook outbox and the sign-in directory
   * follow the head together, so each event is read and parsed once, not once per subscription. Positions are
   * gap-free, so the kept events are `shared[i]` at position `sharedFrom + i`. Handlers get the same objects and
   * must not change them (none does).
   */
  private sharedRead(after: number, limit: number, upTo: number): RecordedEvent[] {
    const end = this.sharedFrom + this.shared.length; // first position not kept
    if (after + 1 < this.sharedFrom || after + 1 > end) {
      const page = this.readAllNow(after, limit, upTo);
      if (page.length > 0 && page[0].position === end) this.keep(page);
      else if (page.length > 0 && after + 1 > end) {
        this.shared = page.slice();
        this.sharedFrom = page[0].position;
      }
      return page;
    }
    const start = after + 1 - this.sharedFrom;
    const page = this.shared.slice(start, start + limit);
    if (page.length < limit && end - 1 < upTo) {
      const more = this.readAllNow(end - 1, limit - page.length, upTo);
      this.keep(more);
      for (const e of more) page.push(e);
    }
    return page;
  }

  private keep(events: RecordedEvent[]): void {
    for (const e of events) this.shared.push(e);
    const excess = this.shared.length - SHARED_EVENTS;
    if (excess > 0) {
      this.shared = this.shared.slice(excess);
      this.sharedFrom += excess;
    }
  }

  // ---------------------------------------------------------------- subscriptions

  subscribeAll(after: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new SqliteSubscription(
      (cursor) => this.subscriptionPage(cursor),
      handler,
      options.onError ?? ((err) => console.error('event-store subscription stopped:', err)),
      this.pollIntervalMs,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start(after);
    return subscription;
  }

  // ---------------------------------------------------------------- verification

  /**
   * Walks events in position order up to the head at call time, one page at a time (yielding to
   * the event loop between pages), keeping only the last revision and hash of each stream.
   */
  async verify(onProgress?: VerifyProgress): Promise<VerifyReport> {
    this.assertOpen();
    const head = this.headPositionNow();
    const streams = new Map<string, { revision: number; hash: string }>();
    let firstBreak: ChainBreak | null = null;
    let eventsChecked = 0;
    let expectedPosition = 1;
    let cursor = 0;

    while (cursor < head) {
      this.assertOpen();
      const rows = this.sql.verifyPage.all(cursor, head, VERIFY_PAGE) as EventRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const previous = streams.get(row.stream_id);
        firstBreak ??= checkLink(row, expectedPosition, previous);
        streams.set(row.stream_id, { revision: row.revision, hash: row.hash });
        expectedPosition = row.position + 1;
        cursor = row.position;
        eventsChecked += 1;
        if (eventsChecked % VERIFY_PROGRESS_EVERY === 0) onProgress?.(eventsChecked);
      }
      await new Promise((resolve) => setImmediate(resolve));
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

  /** Commits what is queued, stops subscriptions (waiting for running handlers), closes the file. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.queue.length > 0) this.flush();
      // The last commits' fsync settles their appends.
      while (this.syncing || this.nextSync) await (this.nextSync?.promise ?? this.syncing)!.catch(() => undefined);
      await Promise.all([...this.subscriptions].map((s) => s.close()));
      this.db.close();
      if (this.walFd !== null) closeSync(this.walFd);
      this.walFd = null;
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing || !this.db.open) throw new EventStoreUnavailableError('event store is closed');
  }
}

function serialize(events: ReadonlyArray<EventToAppend | SerializedEventToAppend>): SerializedEvent[] {
  return events.map((e) => {
    if (!isSerialized(e)) {
      return { id: e.id, type: e.type, schemaVersion: e.schemaVersion, dataJson: canonicalJson(e.data), metadataJson: canonicalJson(e.metadata) };
    }
    if (!e.canonicalize) return { id: e.id, type: e.type, schemaVersion: e.schemaVersion, dataJson: e.dataJson, metadataJson: e.metadataJson };
    return {
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      dataJson: canonicalJson(JSON.parse(e.dataJson)),
      metadataJson: canonicalJson(JSON.parse(e.metadataJson)),
    };
  });
}

interface StreamHead {
  revision: number;
  hash: string;
}

interface BatchContext {
  nextPosition: number;
  recordedAt: string;
  /** Streams this transaction appended to: their head, without asking the index again. */
  heads: Map<string, StreamHead>;
}

interface StoredId {
  stream_id: string;
  revision: number;
  position: number;
}

/**
 * Some event ids are already stored. A retry of the very same append (all ids, same stream,
 * consecutive revisions, same order) succeeds without writing; anything else is a different request.
 */
function idempotentResult(streamId: string, stored: Array<StoredId | undefined>, found: number): AppendResult {
  if (found < stored.length) {
    throw new IdempotencyViolationError(
      streamId,
      `stream ${streamId}: ${found} of ${stored.length} event ids are already stored; an idempotent retry must repeat the whole append`,
    );
  }
  const first = stored[0]!;
  const sameAppend = stored.every((s, i) => s!.stream_id === streamId && s!.revision === first.revision + i);
  if (!sameAppend) {
    throw new IdempotencyViolationError(
      streamId,
      `stream ${streamId}: the event ids are already stored, but not as this stream's consecutive events in this order`,
    );
  }
  const last = stored[stored.length - 1]!;
  return { nextRevision: last.revision, position: last.position, alreadyAppended: true };
}

function checkLink(
  row: EventRow,
  expectedPosition: number,
  previous: { revision: number; hash: string } | undefined,
): ChainBreak | null {
  const at = { streamId: row.stream_id, revision: row.revision, position: row.position };
  if (row.position !== expectedPosition) {
    return { ...at, problem: 'position-gap', expected: String(expectedPosition), actual: String(row.position) };
  }
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (row.revision !== expectedRevision) {
    return { ...at, problem: 'revision-gap', expected: String(expectedRevision), actual: String(row.revision) };
  }
  const expectedPrevHash = previous ? previous.hash : GENESIS_HASH;
  if (row.prev_hash !== expectedPrevHash) {
    return { ...at, problem: 'prev-hash-mismatch', expected: expectedPrevHash, actual: row.prev_hash };
  }
  const recomputed = eventHash(row.prev_hash, {
    streamId: row.stream_id,
    revision: row.revision,
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    dataJson: row.data,
    metadataJson: row.metadata,
    recordedAt: row.recorded_at,
  });
  if (recomputed !== row.hash) {
    return { ...at, problem: 'hash-mismatch', expected: recomputed, actual: row.hash };
  }
  return null;
}

function prepareStatements(db: Database.Database) {
  const columns =
    'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash';
  return {
    insert: db.prepare(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    eventById: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    streamHead: db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    lastEvent: db.prepare('SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
    readStream: db.prepare(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? AND position <= ? ORDER BY revision`,
    ),
    readAll: db.prepare(`SELECT ${columns} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`),
    verifyPage: db.prepare(
      `SELECT ${columns} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

function readAllLimit(limit: number | undefined): number {
  if (limit === undefined) return READ_ALL_DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`readAll limit must be a positive integer, got ${String(limit)}`);
  }
  return Math.min(limit, READ_ALL_MAX_LIMIT);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Lets close() know it is being called from inside this subscription's own handler. */
const insideHandler = new AsyncLocalStorage<SqliteSubscription>();

/**
 * Catch-up then live: reads pages after its cursor, awaits the handler for each event, yields to the
 * event loop between pages, and when caught up sleeps until this process commits (notify) or
 * pollIntervalMs passes (other processes).
 */
class SqliteSubscription implements Subscription {
  private closed = false;
  private committedSinceRead = false;
  private wake: (() => void) | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly readPage: (after: number) => RecordedEvent[],
    private readonly handler: SubscriptionHandler,
    private readonly onError: (error: unknown) => void,
    private readonly pollIntervalMs: number,
    private readonly onStop: () => void,
  ) {}

  start(after: number): void {
    this.done = this.run(after);
  }

  notify(): void {
    this.committedSinceRead = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    // Awaiting our own loop from inside the handler would deadlock: it finishes once the handler returns.
    if (insideHandler.getStore() === this) return;
    await this.done;
  }

  private async run(after: number): Promise<void> {
    let cursor = after;
    try {
      await Promise.resolve(); // the handler never runs before subscribeAll() has returned
      while (!this.closed) {
        this.committedSinceRead = false;
        const page = this.readPage(cursor);
        for (const event of page) {
          if (this.closed) return;
          await insideHandler.run(this, () => this.handler(event));
          cursor = event.position;
        }
        if (page.length < SUBSCRIPTION_PAGE && !this.committedSinceRead) await this.sleep();
        // Reads and a synchronous handler resolve at once: without this, catching up a long backlog
        // would hold the event loop (no I/O, no timers) until the head.
        else await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.closed = true;
      this.onError(error);
    } finally {
      this.onStop();
    }
  }

  private sleep(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
