import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRanked } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { ReprioritizeItemCommand } from './reprioritize-item.command';

@CommandHandler(ReprioritizeItemCommand)
export class ReprioritizeItemHandler implements ICommandHandler<ReprioritizeItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: ReprioritizeItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      const ranked = isRanked(state);
      if (ranked) await this.ranking.caughtUp();
      return {
        kind: 'ReprioritizeItem',
        actor: actorOf(c.meta.principal),
        fromPosition: ranked ? (this.ranking.positionOf(state.backlogId, c.itemId) ?? 0) : 0,
        // A move off the ranking leaves it as it is: no placement to resolve.
        placement: ranked && !c.move ? this.ranking.placement(state.backlogId, c.itemId, c.target) : { above: null, below: null, position: 0 },
        move: c.move,
        trigger: c.trigger,
        rationale: c.rationale,
      };
    });
  }
}
