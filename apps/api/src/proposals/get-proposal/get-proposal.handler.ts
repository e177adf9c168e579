import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import type { Clock } from '@ledger/kernel';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { ForumDecisions, assertCanReadForum } from '../../forums/forum-decisions';
import { Streams } from '../../shared/streams';
import { proposalNotFound } from '../proposal-decisions';
import { proposalView } from '../proposal-view';
import { GetProposalQuery } from './get-proposal.query';
import type { ProposalViewDto } from './get-proposal.response.dto';

@QueryHandler(GetProposalQuery)
export class GetProposalHandler implements IQueryHandler<GetProposalQuery, ProposalViewDto> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly forums: ForumDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ proposalId, principal }: GetProposalQuery): Promise<ProposalViewDto> {
    const events = await this.store.readStream(Streams.proposal(proposalId));
    if (events.length === 0) throw proposalNotFound(proposalId);
    const forum = await this.forums.load(String((events[0].data as { forumId: string }).forumId));
    assertCanReadForum(principal, forum.state);
    return proposalView(events, forum.state, this.clock.now());
  }
}
