import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RetireObjective } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { Backlogs } from '../../items/backlog-context';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { RetireObjectiveCommand } from './retire-objective.command';

@CommandHandler(RetireObjectiveCommand)
export class RetireObjectiveHandler implements ICommandHandler<RetireObjectiveCommand, DecisionOutcome> {
  constructor(private readonly backlogs: Backlogs) {}

  execute(c: RetireObjectiveCommand): Promise<DecisionOutcome> {
    return this.backlogs.decide(c.backlogId, c.meta, {
      command: (): RetireObjective => ({
        kind: 'RetireObjective',
        actor: actorOf(c.meta.principal),
        objectiveId: c.objectiveId,
        rationale: c.rationale,
      }),
    });
  }
}
