import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { averageVelocity } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import type { LedgerIndex } from '../../read-model/ledger-index.port';
import { Backlogs, backlogNotFound } from '../../items/backlog-context';
import { Ranking } from '../../items/ranking';
import { GetBacklogQuery } from './get-backlog.query';
import type { BacklogViewDto } from './get-backlog.response.dto';

@QueryHandler(GetBacklogQuery)
export class GetBacklogHandler implements IQueryHandler<GetBacklogQuery, BacklogViewDto> {
  constructor(
    private readonly backlogs: Backlogs,
    private readonly ranking: Ranking,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
  ) {}

  async execute({ backlogId, principal }: GetBacklogQuery): Promise<BacklogViewDto> {
    const { state, revision } = await this.backlogs.load(backlogId);
    if (!state.exists || revision === null) throw backlogNotFound(backlogId);
    Authorization.assertCanRead(principal, backlogId);
    await this.ranking.caughtUp();
    return {
      id: backlogId,
      name: state.name,
      productGoal: state.productGoal,
      policy: state.policy,
      objectives: Object.values(state.objectives),
      velocities: state.velocities,
      averageVelocity: averageVelocity(state, 3),
      rankedItems: this.index.rankedCount(backlogId),
      revision,
    };
  }
}
