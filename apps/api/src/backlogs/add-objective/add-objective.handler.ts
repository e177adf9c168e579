import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { backlogDecider, type AddObjective } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { backlogNotFound } from '../../items/backlog-context';
import { DecisionExecutor } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { AddObjectiveCommand, type ObjectiveOutcome } from './add-objective.command';

@CommandHandler(AddObjectiveCommand)
export class AddObjectiveHandler implements ICommandHandler<AddObjectiveCommand, ObjectiveOutcome> {
  constructor(
    private readonly executor: DecisionExecutor,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ backlogId, body, meta }: AddObjectiveCommand): Promise<ObjectiveOutcome> {
    // With an Idempotency-Key the id derives from it, so a retry after a lost answer names the same objective.
    const objectiveId = meta.idempotencyKey
      ? uuidV5(`objective|${meta.principal.sub}|${meta.idempotencyKey}`)
      : this.ids.next();
    const outcome = await this.executor.run({
      streamId: Streams.backlog(backlogId),
      decider: backlogDecider,
      meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(backlogId);
        Authorization.assertCanWrite(meta.principal, backlogId);
      },
      command: (): AddObjective => ({
        kind: 'AddObjective',
        actor: actorOf(meta.principal),
        objectiveId,
        title: body.title,
        metric: body.metric,
        target: body.target ?? undefined,
        rationale: body.rationale,
      }),
    });
    return { ...outcome, objectiveId };
  }
}
