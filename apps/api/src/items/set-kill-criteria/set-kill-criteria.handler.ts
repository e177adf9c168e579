import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { CLOCK } from '../../infrastructure/tokens';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ItemDecisions } from '../item-decisions';
import { SetKillCriteriaCommand } from './set-kill-criteria.command';

@CommandHandler(SetKillCriteriaCommand)
export class SetKillCriteriaHandler implements ICommandHandler<SetKillCriteriaCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ itemId, body, meta }: SetKillCriteriaCommand): Promise<DecisionOutcome> {
    return this.items.decide(itemId, meta, () => ({
      kind: 'SetKillCriteria',
      actor: actorOf(meta.principal),
      exitCondition: body.exitCondition,
      reviewBy: body.reviewBy,
      today: (meta.occurredAt ?? this.clock.now().toISOString()).slice(0, 10),
      rationale: body.rationale,
    }));
  }
}
