import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { CLOCK } from '../../infrastructure/tokens';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { Backlogs } from '../backlog-context';
import { ItemDecisions } from '../item-decisions';
import { SetKillCriteriaCommand } from './set-kill-criteria.command';

@CommandHandler(SetKillCriteriaCommand)
export class SetKillCriteriaHandler implements ICommandHandler<SetKillCriteriaCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly backlogs: Backlogs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ itemId, body, meta }: SetKillCriteriaCommand): Promise<DecisionOutcome> {
    return this.items.decide(itemId, meta, async (state) => ({
      kind: 'SetKillCriteria',
      actor: actorOf(meta.principal),
      exitCondition: body.exitCondition,
      reviewBy: body.reviewBy,
      threshold: body.threshold ?? null,
      // The threshold's objective must be active in the item's backlog.
      backlog: body.threshold ? (await this.backlogs.load(state.backlogId)).context : undefined,
      today: (meta.occurredAt ?? this.clock.now().toISOString()).slice(0, 10),
      rationale: body.rationale,
    }));
  }
}
