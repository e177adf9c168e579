import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ProposalDecisions } from '../proposal-decisions';
import { OpenProposalCommand } from './open-proposal.command';

@CommandHandler(OpenProposalCommand)
export class OpenProposalHandler implements ICommandHandler<OpenProposalCommand, DecisionOutcome> {
  constructor(
    private readonly proposals: ProposalDecisions,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute(c: OpenProposalCommand): Promise<DecisionOutcome> {
    const proposalId = c.meta.idempotencyKey ? uuidV5(`proposal|${c.meta.principal.sub}|${c.meta.idempotencyKey}`) : this.ids.next();
    return this.proposals.open({ proposalId, forumId: c.forumId, itemId: c.itemId.toLowerCase(), reason: c.reason, meta: c.meta });
  }
}
