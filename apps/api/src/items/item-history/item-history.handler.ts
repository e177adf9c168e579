import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fold, forumDecider, type ForumEvent } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { Authorization } from '../../auth/authorization';
import type { ForumIndex } from '../../forums/forum-index';
import type { AppConfig } from '../../config/config';
import type { Clock } from '@ledger/kernel';
import { APP_CONFIG, CLOCK, EVENT_STORE, FORUM_INDEX } from '../../infrastructure/tokens';
import { proposalView } from '../../proposals/proposal-view';
import { Streams } from '../../shared/streams';
import { itemNotFound } from '../item-decisions';
import { itemHistory } from './item-history.projection';
import { ItemHistoryQuery } from './item-history.query';
import type { ItemHistoryDto } from './item-history.response.dto';
import type { ProposalSummaryDto } from '../../proposals/get-proposal/get-proposal.response.dto';

@QueryHandler(ItemHistoryQuery)
export class ItemHistoryHandler implements IQueryHandler<ItemHistoryQuery, ItemHistoryDto> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FORUM_INDEX) private readonly forumIndex: ForumIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ itemId, principal }: ItemHistoryQuery): Promise<ItemHistoryDto> {
    const events = await this.store.readStream(Streams.item(itemId));
    if (events.length === 0) throw itemNotFound(itemId);
    Authorization.assertCanRead(principal, String((events[0].data as { backlogId: string }).backlogId));
    return {
      itemId,
      backlogId: (events[0].data as { backlogId: string }).backlogId,
      entries: itemHistory(events),
      proposals: await this.proposals(itemId),
    };
  }

  /** The item's kill proposals with every vote and its reason (an auditor sees how a forum decided). */
  private async proposals(itemId: string): Promise<ProposalSummaryDto[]> {
    await this.forumIndex.caughtUp(this.store, this.config.readYourWritesTimeoutMs);
    const rows = this.forumIndex.proposals({ itemId, limit: 10_000, offset: 0 });
    const out: ProposalSummaryDto[] = [];
    for (const row of rows) {
      const events = await this.store.readStream(Streams.proposal(row.proposalId));
      if (events.length === 0) continue; // slot claimed, opening not completed yet
      const forumEvents = await this.store.readStream(Streams.forum(row.forumId));
      const forum = fold(forumDecider, forumEvents as unknown as (ForumEvent & { id: string })[]);
      const { history: _history, ...view } = proposalView(events, forum, this.clock.now());
      out.push(view);
    }
    return out;
  }
}
