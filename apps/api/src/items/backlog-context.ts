import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ledger/kernel';
import { Authorization } from '../auth/authorization';
import type { RequestMeta } from '../http/request-meta';
import {
  backlogContext,
  backlogDecider,
  NO_SCORING,
  type BacklogCommand,
  type BacklogContext,
  type BacklogState,
  type ScoringPolicy,
} from '@ledger/domain';
import { DecisionExecutor, type DecisionOutcome } from '../shared/decision-executor';
import { Streams } from '../shared/streams';

export function backlogNotFound(backlogId: string): NotFoundError {
  return new NotFoundError('BACKLOG.NOT_FOUND', `backlog ${backlogId} does not exist`, { backlogId });
}

/** Loads a backlog's state for decisions on its items (objectives, existence). */
@Injectable()
export class Backlogs {
  constructor(private readonly executor: DecisionExecutor) {}

  async load(backlogId: string): Promise<{ state: BacklogState; revision: number | null; context: BacklogContext }> {
    const { state, revision } = await this.executor.state(Streams.backlog(backlogId), backlogDecider);
    return { state, revision, context: backlogContext(state) };
  }

  /** The backlog's scoring rules now (none for an unknown backlog). */
  async scoring(backlogId: string): Promise<ScoringPolicy> {
    const { state, context } = await this.load(backlogId);
    return state.exists ? (context.scoring ?? NO_SCORING) : NO_SCORING;
  }

  async context(backlogId: string): Promise<BacklogContext> {
    const { state, context } = await this.load(backlogId);
    if (!state.exists) throw backlogNotFound(backlogId);
    return context;
  }

  /** A decision on an existing backlog: existence and scope first, then the executor's load/decide/append. */
  decide(backlogId: string, meta: RequestMeta, spec: { command: (state: BacklogState) => BacklogCommand }): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.backlog(backlogId),
      decider: backlogDecider,
      meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(backlogId);
        Authorization.assertCanWrite(meta.principal, backlogId);
      },
      command: spec.command,
    });
  }
}
