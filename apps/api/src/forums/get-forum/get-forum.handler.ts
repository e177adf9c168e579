import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import type { Clock } from '@ledger/kernel';
import { holdsAt } from '@ledger/domain';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG, CLOCK, EVENT_STORE, FORUM_INDEX } from '../../infrastructure/tokens';
import type { ForumIndex } from '../forum-index';
import { ForumDecisions, assertCanReadForum, forumNotFound } from '../forum-decisions';
import { ForumScheduler } from '../forum-scheduler';
import { GetForumQuery } from './get-forum.query';
import type { ForumViewDto } from './get-forum.response.dto';

const DAY_MS = 86_400_000;

@QueryHandler(GetForumQuery)
export class GetForumHandler implements IQueryHandler<GetForumQuery, ForumViewDto> {
  constructor(
    private readonly forums: ForumDecisions,
    @Inject(FORUM_INDEX) private readonly index: ForumIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ forumId, principal }: GetForumQuery): Promise<ForumViewDto> {
    const { state, revision } = await this.forums.load(forumId);
    if (!state.exists || revision === null) throw forumNotFound(forumId);
    assertCanReadForum(principal, state);
    await this.index.caughtUp(this.store, this.config.readYourWritesTimeoutMs);
    const row = this.index.forum(forumId);
    const point = row ? ForumScheduler.cadencePoint(row, this.clock.now()) : null;
    const nextCadenceAt = row
      ? new Date(Date.parse(row.cadenceAnchor) + ((point?.index ?? 0) + 1) * row.cadenceDays * DAY_MS).toISOString()
      : null;
    const open = this.index.proposals({ forumId, status: 'open', limit: 10_000, offset: 0 });
    return {
      id: forumId,
      name: state.name,
      backlogIds: state.backlogIds,
      rule: state.rule,
      members: state.members,
      nextCadenceAt,
      openProposals: open.map((p) => ({ id: p.proposalId, itemId: p.itemId, closesAt: p.closesAt })),
      /** Delegations holding now: the delegate's vote counts for the delegator (ADR 0035; all of them: GET …/delegations). */
      activeDelegations: state.delegations
        .filter((d) => holdsAt(d, this.clock.now().toISOString()))
        .map((d) => ({ delegationId: d.delegationId, delegatorId: d.delegatorId, delegateId: d.delegateId, validUntil: d.validUntil, revokedAt: d.revokedAt })),
      revision,
    };
  }
}
