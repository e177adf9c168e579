import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { CLOCK } from '../../infrastructure/tokens';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ForumDecisions } from '../forum-decisions';
import { RevokeDelegationCommand } from './revoke-delegation.command';

@CommandHandler(RevokeDelegationCommand)
export class RevokeDelegationHandler implements ICommandHandler<RevokeDelegationCommand, DecisionOutcome> {
  constructor(
    private readonly forums: ForumDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(c: RevokeDelegationCommand): Promise<DecisionOutcome> {
    return this.forums.decide(c.forumId, c.meta, () => ({
      kind: 'RevokeDelegation',
      actor: actorOf(c.meta.principal),
      now: this.clock.now().toISOString(),
      delegationId: c.delegationId,
      rationale: c.rationale,
    }));
  }
}
