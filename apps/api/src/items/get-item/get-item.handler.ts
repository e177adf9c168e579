import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { itemDecider, isRanked } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { DecisionExecutor } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { itemNotFound } from '../item-decisions';
import { Ranking } from '../ranking';
import { GetItemQuery } from './get-item.query';

export interface ItemView {
  id: string;
  backlogId: string;
  status: string;
  position: number | null;
  title: string;
  kind: string | null;
  hypothesis: string | null;
  objectiveId: string | null;
  estimate: number | null;
  requestedBy: string | null;
  rank: string | null;
  killCriteria: unknown;
  kill: unknown;
  antiBacklogReason: string | null;
  escalations: unknown[];
  outcomes: unknown[];
  revision: number;
}

/** Current state of one item, folded from its own stream (always consistent with its ETag). */
@QueryHandler(GetItemQuery)
export class GetItemHandler implements IQueryHandler<GetItemQuery, ItemView> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly ranking: Ranking,
  ) {}

  async execute({ itemId, principal }: GetItemQuery): Promise<ItemView> {
    const { state, revision } = await this.executor.load(Streams.item(itemId), itemDecider);
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
      status: state.status,
      position,
      title: state.title,
      kind: state.kind ?? 'story',
      hypothesis: state.hypothesis,
      objectiveId: state.objectiveId,
      estimate: state.estimate,
      requestedBy: state.requestedBy,
      rank: state.rank,
      killCriteria: state.killCriteria,
      kill: state.kill,
      antiBacklogReason: state.antiBacklogReason,
      escalations: Object.values(state.escalations),
      outcomes: state.outcomes,
      revision,
    };
  }
}
