import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogDecider, type RetireObjective } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { backlogNotFound } from '../../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { RetireObjectiveCommand } from './retire-objective.command';

@CommandHandler(RetireObjectiveCommand)
export class RetireObjectiveHandler implements ICommandHandler<RetireObjectiveCommand, DecisionOutcome> {
  constructor(private readonly executor: DecisionExecutor) {}

  execute(c: RetireObjectiveCommand): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.backlog(c.backlogId),
      decider: backlogDecider,
      meta: c.meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(c.backlogId);
        Authorization.assertCanWrite(c.meta.principal, c.backlogId);
      },
      command: (): RetireObjective => ({
        kind: 'RetireObjective',
        actor: actorOf(c.meta.principal),
        objectiveId: c.objectiveId,
        rationale: c.rationale,
      }),
    });
  }
}
