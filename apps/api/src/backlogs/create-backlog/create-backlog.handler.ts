import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { backlogDecider, type CreateBacklog } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { CreateBacklogCommand } from './create-backlog.command';

@CommandHandler(CreateBacklogCommand)
export class CreateBacklogHandler implements ICommandHandler<CreateBacklogCommand, DecisionOutcome> {
  constructor(
    private readonly executor: DecisionExecutor,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ body, meta }: CreateBacklogCommand): Promise<DecisionOutcome> {
    Authorization.assertCanCreateBacklog(meta.principal);
    // With an Idempotency-Key the new id derives from it, so a retry after a lost answer hits the same stream.
    const backlogId = meta.idempotencyKey
      ? uuidV5(`backlog|${meta.principal.sub}|${meta.idempotencyKey}`)
      : this.ids.next();
    return this.executor.run({
      streamId: Streams.backlog(backlogId),
      decider: backlogDecider,
      meta,
      command: (): CreateBacklog => ({
        kind: 'CreateBacklog',
        actor: actorOf(meta.principal),
        backlogId,
        name: body.name,
        productGoal: body.productGoal,
        policy: body.policy ?? undefined,
        rationale: body.rationale ?? undefined,
      }),
    });
  }
}
