import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRanked, scoredAfter } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { Backlogs } from '../backlog-context';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { ReprioritizeItemCommand } from './reprioritize-item.command';

@CommandHandler(ReprioritizeItemCommand)
export class ReprioritizeItemHandler implements ICommandHandler<ReprioritizeItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
    private readonly backlogs: Backlogs,
  ) {}

  execute(c: ReprioritizeItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      const ranked = isRanked(state);
      if (ranked) await this.ranking.caughtUp();
      const fromPosition = ranked ? (this.ranking.positionOf(state.backlogId, c.itemId) ?? 0) : 0;
      // A move off the ranking leaves it as it is: no placement to resolve, no item passed.
      const placement =
        ranked && !c.move ? this.ranking.placement(state.backlogId, c.itemId, c.target) : { above: null, below: null, position: 0 };
      const scoring = await this.backlogs.scoring(state.backlogId);
      // The items passed matter only when the moved item has a score (an unscored move is never judged): no look-ups
      // for backlogs without a scoring model or unscored items.
      const judged = ranked && !c.move && scoredAfter(scoring, state.scoreInputs, c.scoreInputs);
      return {
        kind: 'ReprioritizeItem',
        actor: actorOf(c.meta.principal),
        scoring,
        fromPosition,
        placement,
        move: c.move,
        trigger: c.trigger,
        scoreInputs: c.scoreInputs,
        passing: judged ? this.ranking.passing(state.backlogId, fromPosition, placement.position) : [],
        rationale: c.rationale,
      };
    });
  }
}
