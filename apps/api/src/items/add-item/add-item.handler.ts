import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { itemDecider } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { Backlogs } from '../backlog-context';
import { placementOf } from '../placement';
import { Ranking } from '../ranking';
import { AddItemCommand } from './add-item.command';

@CommandHandler(AddItemCommand)
export class AddItemHandler implements ICommandHandler<AddItemCommand, DecisionOutcome> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly backlogs: Backlogs,
    private readonly ranking: Ranking,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ backlogId, body, meta }: AddItemCommand): Promise<DecisionOutcome> {
    const backlog = await this.backlogs.context(backlogId);
    Authorization.assertCanWrite(meta.principal, backlogId);
    const target = placementOf(body, false);
    // With an Idempotency-Key the new id derives from it, so a retry after a lost answer hits the same stream.
    const itemId = meta.idempotencyKey
      ? uuidV5(`item|${meta.principal.sub}|${meta.idempotencyKey}`)
      : this.ids.next();
    return this.executor.run({
      streamId: Streams.item(itemId),
      decider: itemDecider,
      meta,
      command: async () => {
        await this.ranking.caughtUp();
        return {
          kind: 'AddItem' as const,
          actor: actorOf(meta.principal),
          itemId,
          backlog,
          title: body.title,
          itemKind: body.kind,
          hypothesis: body.hypothesis,
          objectiveId: body.objectiveId,
          estimate: body.estimate,
          requestedBy: body.requestedBy,
          scoreInputs: body.scoreInputs,
          explicitPlacement: target !== undefined,
          placement: this.ranking.placement(backlogId, itemId, target),
          rationale: body.rationale,
        };
      },
    });
  }
}
