import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { type AddObjective } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { Backlogs } from '../../items/backlog-context';
import { DecisionExecutor } from '../../shared/decision-executor';
import { AddObjectiveCommand, type ObjectiveOutcome } from './add-objective.command';

@CommandHandler(AddObjectiveCommand)
export class AddObjectiveHandler implements ICommandHandler<AddObjectiveCommand, ObjectiveOutcome> {
  constructor(
    private readonly backlogs: Backlogs,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ backlogId, body, meta }: AddObjectiveCommand): Promise<ObjectiveOutcome> {
    // With an Idempotency-Key the id derives from it, so a retry after a lost answer names the same objective.
    const objectiveId = meta.idempotencyKey
      ? uuidV5(`objective|${meta.principal.sub}|${meta.idempotencyKey}`)
      : this.ids.next();
    const outcome = await this.backlogs.decide(backlogId, meta, {
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
