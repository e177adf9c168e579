import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type Clock, type IdGenerator } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { ForumDecisions } from '../forum-decisions';
import { DelegateVoteCommand, type DelegationOutcome } from './delegate-vote.command';

/** The delegator is the token's subject: a member delegates only their own vote. */
@CommandHandler(DelegateVoteCommand)
export class DelegateVoteHandler implements ICommandHandler<DelegateVoteCommand, DelegationOutcome> {
  constructor(
    private readonly forums: ForumDecisions,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ forumId, body, meta }: DelegateVoteCommand): Promise<DelegationOutcome> {
    // With an Idempotency-Key the id derives from it, so a retry after a lost answer names the same delegation.
    const delegationId = meta.idempotencyKey ? uuidV5(`delegation|${meta.principal.sub}|${meta.idempotencyKey}`) : this.ids.next();
    const outcome = await this.forums.decide(forumId, meta, () => ({
      kind: 'DelegateVote',
      actor: actorOf(meta.principal),
      now: this.clock.now().toISOString(),
      delegationId,
      delegateId: body.delegateId,
      validFrom: body.validFrom,
      validUntil: body.validUntil,
      rationale: body.rationale,
    }));
    return { ...outcome, delegationId };
  }
}
