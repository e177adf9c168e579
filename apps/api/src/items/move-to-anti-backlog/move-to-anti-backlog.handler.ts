import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRanked } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { MoveToAntiBacklogCommand } from './move-to-anti-backlog.command';

@CommandHandler(MoveToAntiBacklogCommand)
export class MoveToAntiBacklogHandler implements ICommandHandler<MoveToAntiBacklogCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: MoveToAntiBacklogCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      if (isRanked(state)) await this.ranking.caughtUp();
      return {
        kind: 'MoveToAntiBacklog',
        actor: actorOf(c.meta.principal),
        reason: c.reason,
        fromPosition: this.ranking.positionOf(state.backlogId, c.itemId) ?? 0,
      };
    });
  }
}
