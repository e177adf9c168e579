import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { ReopenItemCommand } from './reopen-item.command';

@CommandHandler(ReopenItemCommand)
export class ReopenItemHandler implements ICommandHandler<ReopenItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: ReopenItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      // Only a delivered item is reopened; for any other the decider answers ITEM.NOT_DELIVERED.
      const delivered = state.status === 'delivered';
      if (delivered) await this.ranking.caughtUp();
      return {
        kind: 'ReopenItem',
        actor: actorOf(c.meta.principal),
        placement: delivered ? this.ranking.placement(state.backlogId, c.itemId, c.target) : { above: null, below: null, position: 0 },
        rationale: c.rationale,
      };
    });
  }
}
