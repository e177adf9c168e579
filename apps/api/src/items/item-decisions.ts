import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ledger/kernel';
import { itemDecider, type ItemCommand, type ItemState } from '@ledger/domain';
import { Authorization } from '../auth/authorization';
import type { RequestMeta } from '../http/request-meta';
import { DecisionExecutor, type DecisionOutcome } from '../shared/decision-executor';
import { Streams } from '../shared/streams';
import { Backlogs } from './backlog-context';

export function itemNotFound(itemId: string): NotFoundError {
  return new NotFoundError('ITEM.NOT_FOUND', `item ${itemId} does not exist`, { itemId });
}

/**
 * Runs a decision on an existing item: scope check on its backlog, then the executor's load/decide/append. Every
 * command gets the backlog's scoring rules as they are now, so the decider freezes the score into each event
 * (ADR 0033).
 */
@Injectable()
export class ItemDecisions {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly backlogs: Backlogs,
  ) {}

  decide(
    itemId: string,
    meta: RequestMeta,
    build: (state: ItemState & { backlogId: string }) => ItemCommand | Promise<ItemCommand>,
  ): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.item(itemId),
      decider: itemDecider,
      meta,
      authorize: (state) => {
        if (state.status === 'none' || !state.backlogId) throw itemNotFound(itemId);
        // A system decision (forum process manager) has no caller whose scope could be checked.
        if (meta.actor?.role !== 'system') Authorization.assertCanWrite(meta.principal, state.backlogId);
      },
      command: async (state) => {
        const command = await build(state as ItemState & { backlogId: string });
        return { ...command, scoring: command.scoring ?? (await this.backlogs.scoring(state.backlogId ?? '')) };
      },
    });
  }
}

/** The body every item decision answers with. */
export function decisionResponse(id: string, o: DecisionOutcome) {
  return { id, revision: o.revision, position: o.position, eventIds: o.eventIds };
}
