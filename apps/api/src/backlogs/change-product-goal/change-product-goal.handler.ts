import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ChangeProductGoal } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { Backlogs } from '../../items/backlog-context';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ChangeProductGoalCommand } from './change-product-goal.command';

@CommandHandler(ChangeProductGoalCommand)
export class ChangeProductGoalHandler implements ICommandHandler<ChangeProductGoalCommand, DecisionOutcome> {
  constructor(private readonly backlogs: Backlogs) {}

  execute(c: ChangeProductGoalCommand): Promise<DecisionOutcome> {
    return this.backlogs.decide(c.backlogId, c.meta, {
      command: (): ChangeProductGoal => ({
        kind: 'ChangeProductGoal',
        actor: actorOf(c.meta.principal),
        productGoal: c.productGoal,
        rationale: c.rationale,
      }),
    });
  }
}
