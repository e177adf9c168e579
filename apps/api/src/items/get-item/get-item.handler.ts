import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Clock } from '@ledger/kernel';
import { itemDecider, isRanked, type FrozenScore } from '@ledger/domain';
import { CLOCK } from '../../infrastructure/tokens';
import { frozenOf } from '../../backlogs/list-backlog-items/ranking-at';
import { killCriteriaCheck } from '../kill-criteria-check';
import { Authorization } from '../../auth/authorization';
import { DecisionExecutor } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { itemNotFound } from '../item-decisions';
import { Ranking } from '../ranking';
import { GetItemQuery } from './get-item.query';
import type { ItemStatusView, ItemViewDto } from './get-item.response.dto';


/** Current state of one item, folded from its own stream (always consistent with its ETag). */
@QueryHandler(GetItemQuery)
export class GetItemHandler implements IQueryHandler<GetItemQuery, ItemViewDto> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly ranking: Ranking,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ itemId, principal }: GetItemQuery): Promise<ItemViewDto> {
    const { state, revision, events } = await this.executor.load(Streams.item(itemId), itemDecider);
    if (state.status === 'none' || !state.backlogId || revision === null) throw itemNotFound(itemId);
    Authorization.assertCanRead(principal, state.backlogId);
    let position: number | null = null;
    if (isRanked(state)) {
      await this.ranking.caughtUp();
      position = this.ranking.positionOf(state.backlogId, itemId);
    }
    return {
      id: itemId,
      backlogId: state.backlogId,
      status: state.status as ItemStatusView,
      position,
      title: state.title,
      kind: state.kind ?? 'story',
      hypothesis: state.hypothesis,
      objectiveId: state.objectiveId,
      estimate: state.estimate,
      requestedBy: state.requestedBy,
      rank: state.rank,
      killCriteria: state.killCriteria ? { ...state.killCriteria, check: killCriteriaCheck(events, state.killCriteria, this.clock.now()) } : null,
      scoreInputs: state.scoreInputs,
      scoring: state.lastScore ? { ...(frozenOf(state) as FrozenScore), eventId: state.lastScore.eventId } : null,
      kill: state.kill,
      antiBacklogReason: state.antiBacklogReason,
      // The decider's state does not know who raised an escalation: that is the actor of its item.escalated event.
      escalations: Object.values(state.escalations).map((x) => ({
        ...x,
        raisedBy: events.find((e) => e.id === x.eventId)?.metadata.actor.id ?? null,
      })),
      outcomes: state.outcomes,
      revision,
    };
  }
}
