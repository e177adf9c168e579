import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ProposalDecisions } from '../proposal-decisions';
import { CastVoteCommand } from './cast-vote.command';

/** The voter is the token's subject; membership is checked against the forum as it stands (ADR 0013). */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand, DecisionOutcome> {
  constructor(private readonly proposals: ProposalDecisions) {}

  execute(c: CastVoteCommand): Promise<DecisionOutcome> {
    return this.proposals.decide(c.proposalId, c.meta, (_state, forum, now) => ({
      kind: 'CastVote',
      actor: actorOf(c.meta.principal),
      now,
      forum,
      choice: c.choice,
      reason: c.reason,
    }));
  }
}
