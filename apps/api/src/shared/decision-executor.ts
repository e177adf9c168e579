import { Inject, Injectable } from '@nestjs/common';
import { LedgerError, uuidV5, type DomainEvent, type EventToAppend, type IdGenerator, type RecordedEvent } from '@ledger/kernel';
import { fold, type Decided, type Decider } from '@ledger/domain';
import { WrongExpectedRevisionError, type AppendResult, type EventStore, type ExpectedRevision } from '@ledger/event-store';
import { actorOf } from '../auth/principal';
import type { SpanHandle } from '../tracing/tracing';
import type { RequestMeta } from '../http/request-meta';
import { EVENT_STORE, ID_GENERATOR } from '../infrastructure/tokens';
import { Tracing } from '../tracing/tracing';
import { JsonLogger } from './json-logger';

export interface DecisionOutcome {
  streamId: string;
  /** Stream revision after the decision (the new ETag). */
  revision: number;
  /** Global position of the last event written (for read-your-writes). */
  position: number;
  eventIds: string[];
  /** True when an Idempotency-Key retry found its events already written. */
  replayed: boolean;
}

export interface DecisionSpec<C, S, E extends DomainEvent> {
  streamId: string;
  decider: Decider<C, S, E>;
  meta: RequestMeta;
  /** Checks run on the loaded state before deciding (scope, existence). */
  authorize?: (state: S) => void | Promise<void>;
  /** Builds the domain command from the fresh state (may consult the read model). */
  command: (state: S) => C | Promise<C>;
}

export class PreconditionFailedError extends LedgerError {
  constructor(streamId: string, expected: number, actual: number | null) {
    super('PRECONDITION.STALE_REVISION', 'precondition', `If-Match ${expected} is stale: the current revision is ${actual ?? 'none'}`, {
      streamId,
      expected,
      actual,
    });
  }
}

export class ConcurrencyConflictError extends LedgerError {
  constructor(streamId: string, attempts: number) {
    super('CONCURRENCY.CONFLICT', 'concurrency', `other decisions kept landing on ${streamId}; retried ${attempts} times, try again`, {
      streamId,
    });
  }
}

const MAX_ATTEMPTS = 5;

/** Streams whose folded state the executor keeps between decisions (least recently decided dropped first). */
export const STATE_CACHE_STREAMS = 20_000;

interface CachedState {
  decider: object;
  state: unknown;
  revision: number;
}

/** What recognising an idempotent retry needs of a stream's events. */
export type StreamEventRef = Pick<RecordedEvent, 'id' | 'revision' | 'position'>;

/**
 * Load → decide → append with the expected revision. Without If-Match a concurrency conflict re-runs
 * the decision on fresh state (bounded), so it fails only when the decision no longer holds.
 */
@Injectable()
export class DecisionExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly tracing: Tracing,
    private readonly logger: JsonLogger,
  ) {}

  /**
   * Folded states of recently decided streams. A decision reads only the events after the cached revision (the
   * store's stream index; usually none), so it folds 0-1 events instead of the whole stream. States are immutable
   * (evolve returns new objects) and the store is the truth: events appended by another process are read and
   * folded like any other, so a cached state is never stale when a decision is taken on it (ADR 0031).
   */
  private readonly states = new Map<string, CachedState>();

  async load<S, E extends DomainEvent>(streamId: string, decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>) {
    const events = await this.store.readStream(streamId);
    const state = fold(decider, events as unknown as (E & { id: string })[]);
    const revision = events.length ? events[events.length - 1].revision : null;
    if (revision !== null) this.remember(streamId, decider, state, revision);
    return { state, revision, events };
  }

  /** The stream's current state and revision: the cached fold plus whatever was appended since (what deciding needs). */
  async state<S, E extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>,
  ): Promise<{ state: S; revision: number | null }> {
    const cached = this.states.get(streamId);
    if (!cached || cached.decider !== decider) {
      const { state, revision } = await this.load(streamId, decider);
      return { state, revision };
    }
    const newer = await this.store.readStream(streamId, { fromRevision: cached.revision + 1 });
    if (newer.length === 0) {
      // Most recently used last: Map iteration order is insertion order.
      this.states.delete(streamId);
      this.states.set(streamId, cached);
      return { state: cached.state as S, revision: cached.revision as number | null };
    }
    const state = fold({ initialState: cached.state as S, evolve: decider.evolve }, newer as unknown as (E & { id: string })[]);
    const revision = newer[newer.length - 1].revision;
    this.remember(streamId, decider, state, revision);
    return { state, revision: revision as number | null };
  }

  private remember(streamId: string, decider: object, state: unknown, revision: number): void {
    this.states.delete(streamId);
    this.states.set(streamId, { decider, state, revision });
    if (this.states.size > STATE_CACHE_STREAMS) this.states.delete(this.states.keys().next().value as string);
  }

  run<C, S, E extends DomainEvent>(spec: DecisionSpec<C, S, E>): Promise<DecisionOutcome> {
    if (!this.tracing.enabled) return this.decide(spec, null);
    return this.tracing.inSpan('command', { 'ledger.stream_id': spec.streamId }, (span) => this.decide(spec, span));
  }

  private async decide<C, S, E extends DomainEvent>(spec: DecisionSpec<C, S, E>, span: SpanHandle | null): Promise<DecisionOutcome> {
    const { streamId, meta } = spec;
    // The k-th event's id (derived from the idempotency key, else random), computed once per decision.
    const ids: string[] = [];
    const idOf = (k: number) => (ids[k] ??= this.eventId(streamId, meta, k));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let state: S;
      let revision: number | null;
      if (meta.idempotencyKey) {
        // A retry looks for its own events in the stream: the whole stream is read.
        const loaded = await this.loadForDecision(streamId, spec.decider);
        const replay = this.findReplay(streamId, loaded.events, idOf);
        if (replay) return replay;
        ({ state, revision } = loaded);
      } else {
        ({ state, revision } = await this.state(streamId, spec.decider));
      }
      // Existence and scope first: a precondition on a stream you may not see must not reveal its revision.
      await spec.authorize?.(state);
      if (meta.ifMatch !== undefined && meta.ifMatch !== revision) {
        throw new PreconditionFailedError(streamId, meta.ifMatch, revision);
      }
      let command: C;
      let decided: Decided[];
      try {
        command = await spec.command(state);
        decided = spec.decider.decide(command, state);
      } catch (e) {
        // The same Idempotency-Key may be running in another process (the in-flight guard is per process): when
        // that one has written meanwhile, this decision fails on the state it produced — answer with its events.
        const replay = meta.idempotencyKey ? this.findReplay(streamId, (await this.loadForDecision(streamId, spec.decider)).events, idOf) : null;
        if (replay) return replay;
        throw e;
      }
      const toAppend = this.envelopes(decided, meta, idOf);
      try {
        const expected = revision === null ? 'no-stream' : revision;
        let result;
        if (span === null) result = await this.append(streamId, toAppend, expected, spec.decider);
        else {
          const kind = (command as { kind?: unknown }).kind;
          if (typeof kind === 'string') span.updateName(`command ${kind}`);
          span.setAttributes({ 'ledger.command': typeof kind === 'string' ? kind : undefined, 'ledger.attempt': attempt });
          result = await this.tracing.inSpan(
            'event-store append',
            { 'ledger.stream_id': streamId, 'ledger.events': toAppend.length, 'ledger.event_types': toAppend.map((e) => e.type) },
            async (appendSpan) => {
              this.tracing.appending(toAppend.map((e) => e.id));
              const r = await this.append(streamId, toAppend, expected, spec.decider);
              appendSpan.setAttributes({ 'ledger.position': r.position, 'ledger.already_appended': r.alreadyAppended });
              return r;
            },
          );
        }
        // Appended at exactly the expected revision: the state after it is this fold (of the events as they read
        // back from the store, JSON), whoever appends next.
        if (!result.alreadyAppended) this.rememberAppended(streamId, spec.decider, state, toAppend, result.nextRevision);
        if (this.logger.enabled('debug')) {
          this.logger.debug('decision appended', {
            requestId: meta.requestId,
            streamId,
            position: result.position,
            types: decided.map((d) => d.type),
            replayed: result.alreadyAppended,
          });
        }
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          eventIds: toAppend.map((e) => e.id),
          replayed: result.alreadyAppended,
        };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        if (meta.ifMatch !== undefined) {
          throw new PreconditionFailedError(streamId, meta.ifMatch, typeof e.actual === 'number' ? e.actual : null);
        }
      }
    }
    throw new ConcurrencyConflictError(streamId, MAX_ATTEMPTS);
  }

  /** The state run() decides on, with the events it looks for an idempotent retry in. */
  protected loadForDecision<S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<unknown, S, E>,
  ): Promise<{ state: S; revision: number | null; events: readonly StreamEventRef[] }> {
    return this.load(streamId, decider);
  }

  /** Where run() puts a decision's events: the store (a bulk import stages them instead, ADR 0027). */
  protected append<S, E extends DomainEvent>(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
    _decider: Decider<unknown, S, E>,
  ): Promise<AppendResult> {
    return this.store.append(streamId, events, expected);
  }

  /** After an append at exactly the expected revision, the state cache keeps the fold of the events as they read back (JSON). */
  protected rememberAppended<S, E extends DomainEvent>(streamId: string, decider: Decider<unknown, S, E>, before: S, appended: EventToAppend[], revision: number): void {
    const stored = appended.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: JSON.parse(JSON.stringify(e.data)) }));
    this.remember(streamId, decider, fold({ initialState: before, evolve: decider.evolve }, stored as unknown as (E & { id: string })[]), revision);
  }

  private eventId(streamId: string, meta: RequestMeta, index: number): string {
    return meta.idempotencyKey
      ? uuidV5(`idempotency|${meta.principal.sub}|${meta.idempotencyKey}|${streamId}|${index}`)
      : this.ids.next();
  }

  private envelopes(decided: Decided[], meta: RequestMeta, idOf: (k: number) => string): EventToAppend[] {
    const out: EventToAppend[] = [];
    decided.forEach((d, i) => {
      const id = idOf(i);
      out.push({
        id,
        type: d.type,
        schemaVersion: d.schemaVersion,
        data: d.data as Record<string, unknown>,
        metadata: {
          actor: meta.actor ?? actorOf(meta.principal),
          correlationId: meta.correlationId,
          causationId: i > 0 ? out[i - 1].id : (d.causedBy ?? meta.causationId),
          requestId: meta.requestId,
          ...(meta.occurredAt ? { occurredAt: meta.occurredAt, imported: true, importedFrom: meta.importedFrom } : {}),
          ...(meta.statedWhy === false ? { statedWhy: false } : {}),
        },
      });
    });
    return out;
  }

  /** A retry whose first attempt was written (but whose answer was lost) finds its own events. */
  private findReplay(streamId: string, events: readonly StreamEventRef[], idOf: (k: number) => string): DecisionOutcome | null {
    const firstId = idOf(0);
    const start = events.findIndex((e) => e.id === firstId);
    if (start < 0) return null;
    const mine: StreamEventRef[] = [];
    for (let i = start; i < events.length; i++) {
      if (events[i].id !== idOf(i - start)) break;
      mine.push(events[i]);
    }
    const last = mine[mine.length - 1];
    return { streamId, revision: last.revision, position: last.position, eventIds: mine.map((e) => e.id), replayed: true };
  }
}
