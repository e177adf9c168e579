import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { holdsAt, type Delegation } from '@ledger/domain';
import { ForumDecisions, assertCanReadForum, forumNotFound } from '../forum-decisions';
import { ListDelegationsQuery } from './list-delegations.query';
import type { DelegationListDto, DelegationStatus } from './list-delegations.response.dto';

/** A delegation's status at an instant (pure). */
export function delegationStatus(d: Delegation, at: string): DelegationStatus {
  if (d.endedByLeave) return 'ended-by-leave';
  if (holdsAt(d, at)) return 'active';
  const t = Date.parse(at);
  if (d.revokedAt !== null && t >= Date.parse(d.revokedAt)) return 'revoked';
  return t < Date.parse(d.validFrom) ? 'scheduled' : 'ended';
}

/** The forum's delegations from its own stream (always consistent with its ETag), with their status as of `at`. */
@QueryHandler(ListDelegationsQuery)
export class ListDelegationsHandler implements IQueryHandler<ListDelegationsQuery, DelegationListDto> {
  constructor(private readonly forums: ForumDecisions) {}

  async execute({ forumId, at, principal }: ListDelegationsQuery): Promise<DelegationListDto> {
    const { state } = await this.forums.load(forumId);
    if (!state.exists) throw forumNotFound(forumId);
    assertCanReadForum(principal, state);
    const iso = at.toISOString();
    return {
      forumId,
      at: iso,
      delegations: state.delegations.map((d) => ({
        delegationId: d.delegationId,
        delegatorId: d.delegatorId,
        delegateId: d.delegateId,
        validFrom: d.validFrom,
        validUntil: d.validUntil,
        revokedAt: d.revokedAt,
        status: delegationStatus(d, iso),
      })),
    };
  }
}
