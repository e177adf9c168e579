import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG, EVENT_STORE, FORUM_INDEX } from '../../infrastructure/tokens';
import type { ForumIndex } from '../forum-index';
import { ForumDecisions, assertCanReadForum } from '../forum-decisions';
import { ListForumsQuery } from './list-forums.query';
import type { ForumListDto, ForumSummaryDto } from './list-forums.response.dto';

/**
 * The forums the caller may read (members, and readers of one of a forum's backlogs), by name; with a backlog, only
 * the forums reviewing it, picked from the index before any forum stream is loaded.
 */
@QueryHandler(ListForumsQuery)
export class ListForumsHandler implements IQueryHandler<ListForumsQuery, ForumListDto> {
  constructor(
    private readonly forums: ForumDecisions,
    @Inject(FORUM_INDEX) private readonly index: ForumIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ principal, backlogId }: ListForumsQuery): Promise<ForumListDto> {
    await this.index.caughtUp(this.store, this.config.readYourWritesTimeoutMs);
    const visible: ForumSummaryDto[] = [];
    for (const row of this.index.forums()) {
      if (backlogId !== undefined && !row.backlogIds.includes(backlogId)) continue;
      const { state } = await this.forums.load(row.forumId);
      if (!state.exists || (backlogId !== undefined && !state.backlogIds.includes(backlogId))) continue;
      try {
        assertCanReadForum(principal, state);
      } catch {
        continue;
      }
      const open = this.index.proposals({ forumId: row.forumId, status: 'open', limit: 10_000, offset: 0 }).length;
      visible.push({ id: row.forumId, name: state.name, backlogIds: state.backlogIds, members: state.members, rule: state.rule, openProposals: open });
    }
    visible.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { forums: visible };
  }
}
