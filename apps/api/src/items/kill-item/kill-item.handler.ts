import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRanked } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { Ranking } from '../ranking';
import { KillItemCommand } from './kill-item.command';

@CommandHandler(KillItemCommand)
export class KillItemHandler implements ICommandHandler<KillItemCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly ranking: Ranking,
  ) {}

  execute(c: KillItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => {
      if (isRanked(state)) await this.ranking.caughtUp();
      return {
        kind: 'KillItem',
        actor: c.meta.actor ?? actorOf(c.meta.principal),
        reason: c.reason,
        via: c.proposalId ? 'forum' : 'owner',
        ...(c.proposalId ? { proposalId: c.proposalId } : {}),
        fromPosition: this.ranking.positionOf(state.backlogId, c.itemId) ?? 0,
      };
    });
  }
}
