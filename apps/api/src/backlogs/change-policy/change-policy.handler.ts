import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ChangePolicy } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { Backlogs } from '../../items/backlog-context';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ChangePolicyCommand } from './change-policy.command';

@CommandHandler(ChangePolicyCommand)
export class ChangePolicyHandler implements ICommandHandler<ChangePolicyCommand, DecisionOutcome> {
  constructor(private readonly backlogs: Backlogs) {}

  execute(c: ChangePolicyCommand): Promise<DecisionOutcome> {
    return this.backlogs.decide(c.backlogId, c.meta, {
      command: (): ChangePolicy => ({
        kind: 'ChangePolicy',
        actor: actorOf(c.meta.principal),
        policy: c.policy,
        rationale: c.rationale,
      }),
    });
  }
}
