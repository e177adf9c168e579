import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { EstimateItemCommand } from './estimate-item.command';

@CommandHandler(EstimateItemCommand)
export class EstimateItemHandler implements ICommandHandler<EstimateItemCommand, DecisionOutcome> {
  constructor(private readonly items: ItemDecisions) {}

  execute(c: EstimateItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, () => ({
      kind: 'EstimateItem',
      actor: actorOf(c.meta.principal),
      estimate: c.estimate,
      scoreInputs: c.scoreInputs,
      rationale: c.rationale,
    }));
  }
}
