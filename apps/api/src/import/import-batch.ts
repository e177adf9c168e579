import { LedgerError, type DomainEvent, type EventToAppend, type RecordedEvent } from '@ledger/kernel';
import { fold, type Decider } from '@ledger/domain';
import {
  appendsAtomically,
  canonicalJson,
  validateAppend,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchAppendRequest,
  type EventStore,
  type ExpectedRevision,
} from '@ledger/event-store';
import type { StreamEventRef } from '../shared/decision-executor';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import { ImportRanking } from './import-ranking';

type Folder = Pick<Decider<unknown, unknown, DomainEvent>, 'evolve' | 'initialState'>;

interface CachedStream {
  decider: Folder;
  state: unknown;
  revision: number | null;
  /** The stream's events as far as recognising an idempotent retry needs them (ids, revisions, positions). */
  events: StreamEventRef[];
}


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
 * Staged events are evolved exactly as the store will return them: data and metadata go through the store's
 * canonical JSON and back, so the state after a staged decision equals the state folded from the stored events.
 */
export class ImportBatch {
  readonly ranking: ImportRanking;
  private readonly streams = new Map<string, CachedStream>();
  private staged: BatchAppendRequest[] = [];
  private stagedEvents = 0;
  /** The store's head after our last commit: anything else at the next commit means another writer. */
  private committedHead: number;
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
    this.head = this.committedHead = headPosition;
    this.ranking = new ImportRanking(readModel);
  }

  /** True when the store commits a whole batch atomically; otherwise commit after every line. */
  get atomic(): boolean {
    return appendsAtomically(this.store);
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
      this.streams.delete(streamId); // most recently used last
    } else {
      const events = await this.store.readStream(streamId);
      cached = {
        decider,
        state: fold(decider, events),
        revision: events.length ? events[events.length - 1].revision : null,
        events: events.map((e) => ({ id: e.id, revision: e.revision, position: e.position })),
      };
    }
    this.streams.set(streamId, cached);
    return cached as { state: S; revision: number | null; events: readonly StreamEventRef[] };
  }

  /** Stages a decision's events on a stream whose state was read with `state()`; checked as the store would check them. */
  stage(streamId: string, events: EventToAppend[], expected: ExpectedRevision, decider: Folder): AppendResult {
    validateAppend(streamId, events, expected);
    const cached = this.streams.get(streamId);
    if (!cached || cached.decider !== decider) throw new Error(`import: stream ${streamId} staged without reading its state first`);
    const actual = cached.revision ?? 'no-stream';
    if (expected !== 'any' && expected !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
    const stored: EventToAppend[] = [];
    for (const e of events) {
      const data = JSON.parse(canonicalJson(e.data)) as Record<string, unknown>;
      const metadata = JSON.parse(canonicalJson(e.metadata)) as RecordedEvent['metadata'];
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
      cached.events.push({ id: e.id, revision, position: this.head });
      this.ranking.apply(recorded);
      stored.push({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data, metadata });
    }
    this.staged.push({ streamId, events: stored, expected });
    this.stagedEvents += stored.length;
    return { nextRevision: cached.revision!, position: this.head, alreadyAppended: false };
  }

  /**
   * Writes what is staged: one atomic appendBatch, or one append at a time. The store must be where our last
   * commit left it and every append must write: anything else means another writer, and the import stops
   * (ImportConcurrentWriteError). After any failure the cached states are no longer trustworthy: the import ends.
   */
  async commit(): Promise<void> {
    if (this.staged.length === 0) return;
    const batch = this.staged;
    this.staged = [];
    this.stagedEvents = 0;
    const head = await this.store.headPosition();
    if (head !== this.committedHead) throw new ImportConcurrentWriteError(`its head moved from position ${this.committedHead} to ${head}`);
    let results: AppendResult[];
    try {
      if (appendsAtomically(this.store)) {
        results = await this.store.appendBatch(batch);
      } else {
        results = [];
        for (const a of batch) results.push(await this.store.append(a.streamId, a.events, a.expected));
      }
    } catch (err) {
      if (err instanceof WrongExpectedRevisionError) throw new ImportConcurrentWriteError(`stream ${err.streamId} moved`);
      throw err;
    }
    batch.forEach((a, i) => {
      if (results[i].alreadyAppended) throw new ImportConcurrentWriteError(`the events staged for stream ${a.streamId} were already stored`);
    });
    this.committedHead = this.head = results[results.length - 1].position;
    this.evict();
  }

  /** Keeps the most recently used states (everything in the cache is committed now). */
  private evict(): void {
    let excess = this.streams.size - this.options.maxCachedStreams;
    for (const key of this.streams.keys()) {
      if (excess-- <= 0) break;
      this.streams.delete(key);
    }
  }
}
