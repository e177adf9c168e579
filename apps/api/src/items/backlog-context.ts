import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ledger/kernel';
import { backlogContext, backlogDecider, type BacklogContext, type BacklogState } from '@ledger/domain';
import { DecisionExecutor } from '../shared/decision-executor';
import { Streams } from '../shared/streams';

export function backlogNotFound(backlogId: string): NotFoundError {
  return new NotFoundError('BACKLOG.NOT_FOUND', `backlog ${backlogId} does not exist`, { backlogId });
}

/** Loads a backlog's state for decisions on its items (objectives, existence). */
@Injectable()
export class Backlogs {
  constructor(private readonly executor: DecisionExecutor) {}

  async load(backlogId: string): Promise<{ state: BacklogState; revision: number | null; context: BacklogContext }> {
    const { state, revision } = await this.executor.load(Streams.backlog(backlogId), backlogDecider);
    return { state, revision, context: backlogContext(state) };
  }

  async context(backlogId: string): Promise<BacklogContext> {
    const { state, context } = await this.load(backlogId);
    if (!state.exists) throw backlogNotFound(backlogId);
    return context;
  }
}
