import { LedgerError, type DomainEvent, type EventToAppend, type RecordedEvent } from '@ledger/kernel';
import { fold, type Decider } from '@ledger/domain';
import {
  appendsAtomically,
  HeadMovedError,
  opensBatchWriter,
  validateAppend,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchAppendRequest,
  type BatchWriter,
  type EventStore,
  type ExpectedRevision,
  type SerializedEventToAppend,
} from '@ledger/event-store';
import type { StreamEventRef } from '../shared/decision-executor';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import { ImportRanking } from './import-ranking';

type Folder = Pick<Decider<unknown, unknown, DomainEvent>, 'evolve' | 'initialState'>;

interface StagedAppend extends BatchAppendRequest {
  events: SerializedEventToAppend[];
  /** The same events as objects, for a store that takes one `append` at a time (null for an atomic store). */
  objects: EventToAppend[] | null;
}

interface CachedStream {
  decider: Folder;
  /** When it was last read (a counter): the least recently used are dropped first. */
  used: number;
  state: unknown;
  revision: number | null;
  /**
   * The events the stream had in the store when it was read, as far as recognising an idempotent retry needs them.
   * Events staged by this import are not added: no line of a run repeats another line's idempotency key (ids and
   * keys are unique in a file, content keys are numbered), so only events written before can be a line's own.
   */
  events: readonly StreamEventRef[];
}

const NO_EVENTS: readonly StreamEventRef[] = [];


/** Another writer moved the store while a bulk import held its states in memory: the import must stop. */
export class ImportConcurrentWriteError extends LedgerError {
  constructor(detail: string) {
    super(
      'IMPORT.CONCURRENT_WRITE',
      'unavailable',
      `another process wrote to the ledger during the import (${detail}); stop it (the API), then run the same command again: lines already imported are skipped`,
    );
  }
}

export interface ImportBatchOptions {
  /** Stream states kept in memory between commits (least recently used beyond this are dropped and re-read). */
  maxCachedStreams: number;
}

/**
 * A bulk import's unit of work (ADR 0027). The states of the streams its decisions touch are folded once from the
 * store and then evolved with each decision taken; the decisions' events are staged in line order with the
 * positions the store will give them; the in-memory ranking (ImportRanking) follows every staged item event.
 * `commit()` writes everything staged in ONE atomic store transaction (or, for a store without atomic batches,
 * one append at a time: the importer then commits after every line).
 *
 * Staged events are evolved as the store will return them: data and metadata are serialized once (JSON, handed to
 * the store, which stores its canonical form) and parsed back, so the state after a staged decision equals the state
 * folded from the stored events (JSON.stringify and canonical JSON give the same values; only key order differs, and
 * no evolve reads it).
 */
export class ImportBatch {
  readonly ranking: ImportRanking;
  private readonly streams = new Map<string, CachedStream>();
  private staged: StagedAppend[] = [];
  private stagedEvents = 0;
  private reads = 0;
  /** The head the batch being staged starts from (what the store's head must be when it commits). */
  private stagedFrom: number;
  /** `reads` when the batch being staged began. */
  private stagingReadsFrom = 0;
  /** Commits go here when a writer thread was opened (useWriterThread). */
  private writer: BatchWriter | null = null;
  /** The store had no events when the import began: a stream this import never wrote is known to be empty. */
  private readonly emptyAtStart: boolean;
  /** With emptyAtStart: the streams this import has written (staged) to. */
  private readonly written = new Set<string>();
  /**
   * Position of the last staged event as the store will number it: exact on SQLite (gap-free), a placeholder on
   * EventStoreDB (commit positions). Nothing in deciding reads it; it only fills in the staged events' position.
   */
  private head: number;

  constructor(
    private readonly store: EventStore,
    readModel: Pick<LedgerIndex, 'rankedItems' | 'rankedCount' | 'itemRow'>,
    headPosition: number,
    private readonly options: ImportBatchOptions,
  ) {
    this.head = this.stagedFrom = headPosition;
    this.emptyAtStart = headPosition === 0;
    this.atomic = appendsAtomically(store);
    this.ranking = new ImportRanking(readModel);
  }

  /** True when the store commits a whole batch atomically; otherwise commit after every line. */
  readonly atomic: boolean;

  /** The head as the decisions taken so far (committed or staged) left it: what "caught up" means inside the import. */
  headPosition(): Promise<number> {
    return Promise.resolve(this.head);
  }

  /** Events staged since the last commit. */
  get pendingEvents(): number {
    return this.stagedEvents;
  }

  /** A stream's state as the decisions taken so far (committed or staged) left it. */
  async state<S>(streamId: string, decider: Folder): Promise<{ state: S; revision: number | null; events: readonly StreamEventRef[] }> {
    let cached = this.streams.get(streamId);
    if (cached) {
      if (cached.decider !== decider) throw new Error(`import: stream ${streamId} was folded with another decider`);
    } else if (this.emptyAtStart && !this.written.has(streamId)) {
      // The store was empty when the import began and this import never wrote the stream: it has no events.
      cached = { decider, used: 0, state: decider.initialState, revision: null, events: NO_EVENTS };
      this.streams.set(streamId, cached);
    } else {
      const events = await this.store.readStream(streamId);
      cached = {
        decider,
        used: 0,
        state: fold(decider, events),
        revision: events.length ? events[events.length - 1].revision : null,
        events: events.length ? events.map((e) => ({ id: e.id, revision: e.revision, position: e.position })) : NO_EVENTS,
      };
      this.streams.set(streamId, cached);
    }
    cached.used = ++this.reads;
    return cached as { state: S; revision: number | null; events: readonly StreamEventRef[] };
  }

  /** Stages a decision's events on a stream whose state was read with `state()`; checked as the store would check them. */
  stage(streamId: string, events: EventToAppend[], expected: ExpectedRevision, decider: Folder): AppendResult {
    validateAppend(streamId, events, expected);
    const cached = this.streams.get(streamId);
    if (!cached || cached.decider !== decider) throw new Error(`import: stream ${streamId} staged without reading its state first`);
    const actual = cached.revision ?? 'no-stream';
    if (expected !== 'any' && expected !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
    const serialized: SerializedEventToAppend[] = [];
    const objects: EventToAppend[] | null = this.atomic ? null : [];
    for (const e of events) {
      // Serialized once and parsed back, as the store will return it; the store (on its writer thread, for a large
      // import) turns the text into the canonical form it stores: same values, keys in order.
      const dataJson = JSON.stringify(e.data);
      const metadataJson = JSON.stringify(e.metadata);
      const data = JSON.parse(dataJson) as Record<string, unknown>;
      const metadata = JSON.parse(metadataJson) as RecordedEvent['metadata'];
      const revision = (cached.revision ?? -1) + 1;
      this.head += 1;
      // recordedAt, hash and prevHash are the commit's; nothing that evolves or ranks reads them.
      const recorded: RecordedEvent = {
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data,
        metadata,
        streamId,
        revision,
        position: this.head,
        recordedAt: '',
        hash: '',
        prevHash: '',
      };
      cached.state = decider.evolve(cached.state, recorded);
      cached.revision = revision;
      this.ranking.apply(recorded);
      serialized.push({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, dataJson, metadataJson, canonicalize: true });
      objects?.push({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data, metadata });
    }
    this.staged.push({ streamId, events: serialized, objects, expected });
    if (this.emptyAtStart) this.written.add(streamId);
    this.stagedEvents += serialized.length;
    return { nextRevision: cached.revision!, position: this.head, alreadyAppended: false };
  }

  /**
   * Writes what is staged: one atomic appendBatch, or one append at a time. The store must be where our last
   * commit left it and every append must write: anything else means another writer, and the import stops
   * (ImportConcurrentWriteError). After any failure the cached states are no longer trustworthy: the import ends.
   */
  /**
   * Hands what is staged to the store and starts staging the next batch at once; the promise settles when this
   * batch is durable. Atomic stores get one appendBatch with the head the batch was staged on (so batches commit in
   * staging order, and a batch whose predecessor failed writes nothing); on a writer thread the next batch is
   * prepared meanwhile. Other stores get one append at a time (the importer then commits after every line and waits).
   * A store that is not where the import left it means another writer: ImportConcurrentWriteError. After any
   * failure the cached states are no longer trustworthy: the import ends.
   */
  commit(): Promise<void> {
    if (this.staged.length === 0) return Promise.resolve();
    const batch = this.staged;
    const expectedHead = this.stagedFrom;
    const readsFrom = this.stagingReadsFrom;
    this.staged = [];
    this.stagedEvents = 0;
    this.stagedFrom = this.head;
    this.stagingReadsFrom = this.reads;
    const written = (results: AppendResult[]) => {
      batch.forEach((a, i) => {
        if (results[i].alreadyAppended) throw new ImportConcurrentWriteError(`the events staged for stream ${a.streamId} were already stored`);
      });
      // Streams read since this batch was handed over may hold staged events of the next one: they stay.
      this.evict(Math.min(readsFrom, this.stagingReadsFrom));
    };
    const concurrent = (err: unknown): never => {
      if (err instanceof HeadMovedError) throw new ImportConcurrentWriteError(`its head moved from position ${err.expected} to ${err.actual}`);
      if (err instanceof WrongExpectedRevisionError) throw new ImportConcurrentWriteError(`stream ${err.streamId} moved`);
      throw err;
    };
    if (appendsAtomically(this.store)) {
      return (this.writer ?? this.store).appendBatch(batch, { expectedHead }).then(written, concurrent);
    }
    return (async () => {
      const head = await this.store.headPosition();
      if (head !== expectedHead) throw new ImportConcurrentWriteError(`its head moved from position ${expectedHead} to ${head}`);
      const results: AppendResult[] = [];
      try {
        for (const a of batch) results.push(await this.store.append(a.streamId, a.objects!, a.expected));
      } catch (err) {
        concurrent(err);
      }
      written(results);
      // Positions are the store's (EventStoreDB's are not consecutive): the next batch starts from them.
      this.head = this.stagedFrom = results[results.length - 1].position;
    })();
  }

  /**
   * Commits go to a writer thread from now on, when the store has one (SQLite): the next batch is decided while
   * the previous one is written. Worth it for large imports only (the thread takes a moment to start).
   */
  useWriterThread(): void {
    if (!this.writer && opensBatchWriter(this.store)) this.writer = this.store.openBatchWriter();
  }

  /** Waits for what was handed to a writer thread and stops it. */
  async close(): Promise<void> {
    await this.writer?.close();
    this.writer = null;
  }

  /**
   * Past the limit, drops the least recently read half of the states read before `keepFrom` (those are committed;
   * a dropped stream is read and folded again from the store when a later line needs it).
   */
  private evict(keepFrom: number): void {
    if (this.streams.size <= this.options.maxCachedStreams) return;
    const used = [...this.streams.values()].map((s) => s.used).sort((a, b) => a - b);
    const below = Math.min(keepFrom, used[Math.floor(used.length / 2)]);
    for (const [key, s] of this.streams) if (s.used < below) this.streams.delete(key);
  }
}
