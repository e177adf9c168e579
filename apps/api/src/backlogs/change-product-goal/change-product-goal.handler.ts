import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogDecider, type ChangeProductGoal } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { backlogNotFound } from '../../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { ChangeProductGoalCommand } from './change-product-goal.command';

@CommandHandler(ChangeProductGoalCommand)
export class ChangeProductGoalHandler implements ICommandHandler<ChangeProductGoalCommand, DecisionOutcome> {
  constructor(private readonly executor: DecisionExecutor) {}

  execute(c: ChangeProductGoalCommand): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.backlog(c.backlogId),
      decider: backlogDecider,
      meta: c.meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(c.backlogId);
        Authorization.assertCanWrite(c.meta.principal, c.backlogId);
      },
      command: (): ChangeProductGoal => ({
        kind: 'ChangeProductGoal',
        actor: actorOf(c.meta.principal),
        productGoal: c.productGoal,
        rationale: c.rationale,
      }),
    });
  }
}
