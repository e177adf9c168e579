import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRanked } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { DeliverItemCommand } from './deliver-item.command';

@CommandHandler(DeliverItemCommand)
export class DeliverItemHandler implements ICommandHandler<DeliverItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: DeliverItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      if (isRanked(state)) await this.ranking.caughtUp();
      return {
        kind: 'DeliverItem',
        actor: actorOf(c.meta.principal),
        fromPosition: this.ranking.positionOf(state.backlogId, c.itemId) ?? 0,
        rationale: c.rationale,
      };
    });
  }
}
