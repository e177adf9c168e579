import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import type { ForumState } from '@ledger/domain';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG, EVENT_STORE, FORUM_INDEX } from '../../infrastructure/tokens';
import type { ForumIndex } from '../../forums/forum-index';
import { ForumDecisions, assertCanReadForum } from '../../forums/forum-decisions';
import { ListProposalsQuery } from './list-proposals.query';
import type { ProposalListDto } from './list-proposals.response.dto';

@QueryHandler(ListProposalsQuery)
export class ListProposalsHandler implements IQueryHandler<ListProposalsQuery, ProposalListDto> {
  constructor(
    @Inject(FORUM_INDEX) private readonly index: ForumIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly forums: ForumDecisions,
  ) {}

  async execute({ filter, principal }: ListProposalsQuery): Promise<ProposalListDto> {
    await this.index.caughtUp(this.store, this.config.readYourWritesTimeoutMs);
    const limit = filter.limit ?? 100;
    const offset = filter.offset ?? 0;
    const rows = this.index.proposals({ forumId: filter.forumId?.toLowerCase(), status: filter.status, limit, offset });
    // Only proposals of forums the caller may see.
    const forums = new Map<string, ForumState>();
    const visible = [];
    for (const r of rows) {
      if (!forums.has(r.forumId)) forums.set(r.forumId, (await this.forums.load(r.forumId)).state);
      try {
        assertCanReadForum(principal, forums.get(r.forumId)!);
        visible.push(r);
      } catch {
        // not visible to this caller
      }
    }
    return {
      proposals: visible.map((r) => ({
        id: r.proposalId,
        forumId: r.forumId,
        itemId: r.itemId,
        backlogId: r.backlogId,
        status: r.status === 'pending' ? 'open' : r.status,
        openedAt: r.openedAt,
        closesAt: r.closesAt,
        outcome: r.outcome,
        closedAt: r.closedAt,
        nominatedAutomatically: r.nominatedAutomatically,
      })),
      limit,
      offset,
    };
  }
}
