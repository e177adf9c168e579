import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { ReviveItemCommand } from './revive-item.command';

@CommandHandler(ReviveItemCommand)
export class ReviveItemHandler implements ICommandHandler<ReviveItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: ReviveItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      // Only a killed item comes back; for any other the decider answers ITEM.NOT_KILLED, so don't consult the ranking.
      const killed = state.status === 'killed';
      if (killed) await this.ranking.caughtUp();
      return {
        kind: 'ReviveItem',
        actor: actorOf(c.meta.principal),
        placement: killed ? this.ranking.placement(state.backlogId, c.itemId, c.target) : { above: null, below: null, position: 0 },
        rationale: c.rationale,
      };
    });
  }
}
