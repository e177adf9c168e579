import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ProposalDecisions } from '../proposal-decisions';
import { WithdrawProposalCommand } from './withdraw-proposal.command';

@CommandHandler(WithdrawProposalCommand)
export class WithdrawProposalHandler implements ICommandHandler<WithdrawProposalCommand, DecisionOutcome> {
  constructor(private readonly proposals: ProposalDecisions) {}

  execute(c: WithdrawProposalCommand): Promise<DecisionOutcome> {
    return this.proposals.decide(c.proposalId, c.meta, (_state, _forum, now) => ({
      kind: 'WithdrawProposal',
      actor: actorOf(c.meta.principal),
      now,
      reason: c.reason,
    }));
  }
}
