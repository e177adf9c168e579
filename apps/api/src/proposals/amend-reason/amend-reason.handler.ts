import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ProposalDecisions } from '../proposal-decisions';
import { AmendReasonCommand } from './amend-reason.command';

@CommandHandler(AmendReasonCommand)
export class AmendReasonHandler implements ICommandHandler<AmendReasonCommand, DecisionOutcome> {
  constructor(private readonly proposals: ProposalDecisions) {}

  execute(c: AmendReasonCommand): Promise<DecisionOutcome> {
    return this.proposals.decide(c.proposalId, c.meta, (_state, _forum, now) => ({
      kind: 'AmendProposalReason',
      actor: actorOf(c.meta.principal),
      now,
      reason: c.reason,
    }));
  }
}
