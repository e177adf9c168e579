import type { DomainEvent, EventToAppend, IdGenerator } from '@ledger/kernel';
import type { Decider } from '@ledger/domain';
import type { AppendResult, EventStore, ExpectedRevision } from '@ledger/event-store';
import { DecisionExecutor, type StreamEventRef } from '../shared/decision-executor';
import { JsonLogger } from '../shared/json-logger';
import { NO_TRACING } from '../tracing/tracing';
import type { ImportBatch } from './import-batch';

/**
 * The DecisionExecutor of a bulk import (ADR 0027): the same load → replay check → authorize → decide → envelope
 * steps as for a request (run() is inherited unchanged), but states come from the import's batch (folded once,
 * evolved as decisions are taken) and events are staged in it, to be committed with many other lines' events.
 */
export class StagedDecisionExecutor extends DecisionExecutor {
  constructor(
    private readonly batch: ImportBatch,
    store: EventStore,
    ids: IdGenerator,
  ) {
    // No spans or per-decision debug lines for a bulk import's decisions: it reports progress instead.
    super(store, ids, NO_TRACING, new JsonLogger('silent'));
  }

  override state<S, E extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>,
  ): Promise<{ state: S; revision: number | null }> {
    return this.batch.state<S>(streamId, decider as never);
  }

  /** Events are not kept in a bulk import (only what recognising a retry needs): decisions read state(). */
  override load(): never {
    throw new Error('a bulk import keeps stream states, not events: use DecisionExecutor.state()');
  }

  protected override loadForDecision<S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<unknown, S, E>,
  ): Promise<{ state: S; revision: number | null; events: readonly StreamEventRef[] }> {
    return this.batch.state<S>(streamId, decider as never);
  }

  /** States live in the batch: the executor's own cache is not used. */
  protected override rememberAppended(): void {}

  protected override async append<S, E extends DomainEvent>(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
    decider: Decider<unknown, S, E>,
  ): Promise<AppendResult> {
    return this.batch.stage(streamId, events, expected, decider as never);
  }
}
