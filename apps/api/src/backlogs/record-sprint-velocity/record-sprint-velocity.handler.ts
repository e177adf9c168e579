import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RecordSprintVelocity } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { Backlogs } from '../../items/backlog-context';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { RecordSprintVelocityCommand } from './record-sprint-velocity.command';

@CommandHandler(RecordSprintVelocityCommand)
export class RecordSprintVelocityHandler implements ICommandHandler<RecordSprintVelocityCommand, DecisionOutcome> {
  constructor(private readonly backlogs: Backlogs) {}

  execute({ backlogId, body, meta }: RecordSprintVelocityCommand): Promise<DecisionOutcome> {
    return this.backlogs.decide(backlogId, meta, {
      command: (): RecordSprintVelocity => ({
        kind: 'RecordSprintVelocity',
        actor: actorOf(meta.principal),
        sprint: body.sprint,
        endedOn: body.endedOn,
        points: body.points,
        rationale: body.rationale,
      }),
    });
  }
}
