import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogDecider, type RecordSprintVelocity } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { backlogNotFound } from '../../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { RecordSprintVelocityCommand } from './record-sprint-velocity.command';

@CommandHandler(RecordSprintVelocityCommand)
export class RecordSprintVelocityHandler implements ICommandHandler<RecordSprintVelocityCommand, DecisionOutcome> {
  constructor(private readonly executor: DecisionExecutor) {}

  execute({ backlogId, body, meta }: RecordSprintVelocityCommand): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.backlog(backlogId),
      decider: backlogDecider,
      meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(backlogId);
        Authorization.assertCanWrite(meta.principal, backlogId);
      },
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
