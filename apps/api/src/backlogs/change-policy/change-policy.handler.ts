import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogDecider, type ChangePolicy } from '@ledger/domain';
import { Authorization } from '../../auth/authorization';
import { actorOf } from '../../auth/principal';
import { backlogNotFound } from '../../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { ChangePolicyCommand } from './change-policy.command';

@CommandHandler(ChangePolicyCommand)
export class ChangePolicyHandler implements ICommandHandler<ChangePolicyCommand, DecisionOutcome> {
  constructor(private readonly executor: DecisionExecutor) {}

  execute(c: ChangePolicyCommand): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.backlog(c.backlogId),
      decider: backlogDecider,
      meta: c.meta,
      authorize: (state) => {
        if (!state.exists) throw backlogNotFound(c.backlogId);
        Authorization.assertCanWrite(c.meta.principal, c.backlogId);
      },
      command: (): ChangePolicy => ({
        kind: 'ChangePolicy',
        actor: actorOf(c.meta.principal),
        policy: c.policy,
        rationale: c.rationale,
      }),
    });
  }
}
