import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { StartItemCommand } from './start-item.command';

@CommandHandler(StartItemCommand)
export class StartItemHandler implements ICommandHandler<StartItemCommand, DecisionOutcome> {
  constructor(private readonly items: ItemDecisions) {}

  execute(c: StartItemCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, () => ({
      kind: 'StartItem',
      actor: actorOf(c.meta.principal),
      rationale: c.rationale,
    }));
  }
}
