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
      const fromPosition = ranked ? (this.ranking.positionOf(state.backlogId, c.itemId) ?? 0) : 0;
      const placement = ranked ? this.ranking.placement(state.backlogId, c.itemId, c.target) : { above: null, below: null, position: 0 };
      return {
        kind: 'ReprioritizeItem',
        actor: actorOf(c.meta.principal),
        fromPosition,
        placement,
        trigger: c.trigger,
        scoreInputs: c.scoreInputs,
        passing: ranked ? this.ranking.passing(state.backlogId, fromPosition, placement.position) : [],
        rationale: c.rationale,
      };
    });
  }
}
