import type { RecordedEvent } from '@ledger/kernel';
import {
  fold,
  proposalDecider,
  tallyVotes,
  type DelegatedVote,
  type ForumState,
  type ProposalEvent,
  type ProposalOpened,
  type ProposalClosed,
  type VoteChoice,
} from '@ledger/domain';
import type { ProposalViewDto } from './get-proposal/get-proposal.response.dto';

type Data = Record<string, unknown>;

/**
 * Pure: a proposal's stream (and its forum now, at `now`) → what members and auditors see: tally, deadline, every vote
 * with its reason and whom it counts for (ADR 0035: delegations are judged at the deadline, or now while voting runs).
 */
export function proposalView(events: RecordedEvent[], forum: ForumState, now: Date): ProposalViewDto {
  const state = fold(proposalDecider, events as unknown as (ProposalEvent & { id: string })[]);
  const opened = events.find((e) => e.type === 'proposal.opened');
  const closed = events.find((e) => e.type === 'proposal.closed');
  const o = (opened?.data ?? {}) as Partial<ProposalOpened['data']>;
  const c = closed ? (closed.data as ProposalClosed['data']) : null;
  const rule = state.rule ?? forum.rule;
  // While open: the tally as it would be taken now (votes of members who left do not count; delegations holding now).
  const deadline = state.closesAt ? Date.parse(state.closesAt) : now.getTime();
  const current = tallyVotes(state.votes, forum.members, rule, {
    delegations: forum.delegations,
    at: new Date(Math.min(now.getTime(), deadline)).toISOString(),
  });
  const delegatedVotes: DelegatedVote[] = c ? (c.delegatedVotes ?? []) : current.delegatedVotes;
  const countsFor = (eventId: string) => delegatedVotes.filter((v) => v.voteEventId === eventId).map((v) => v.memberId);
  const votes = events
    .filter((e) => e.type === 'proposal.vote-cast')
    .map((e) => {
      const d = e.data as Data;
      const latest = state.votes[String(d.memberId)]?.eventId === e.id;
      return {
        eventId: e.id,
        memberId: String(d.memberId),
        choice: d.choice as VoteChoice,
        reason: String(d.reason),
        castAt: e.recordedAt,
        replacesPrevious: d.replacesPrevious === true,
        /** False once the same member voted again. */
        latest,
        /** Counts in the tally: the member's latest vote, and they are (were, at the close) a member. */
        counts: latest && (c ? true : forum.members.includes(String(d.memberId))),
        /** Members this vote counts for through their delegation (ADR 0035). */
        countsFor: countsFor(e.id),
        /** Members whose delegation to the voter held when it was cast (recorded with the vote). */
        forDelegators: Array.isArray(d.forDelegators) ? (d.forDelegators as string[]) : [],
      };
    });
  return {
    // A proposal stream starts with proposal.opened: these are set.
    id: state.proposalId!,
    forumId: state.forumId!,
    itemId: state.itemId!,
    backlogId: state.backlogId!,
    status: state.status as ProposalViewDto['status'],
    reason: state.reason,
    openedBy: o.openedBy ?? null,
    openedAt: opened?.recordedAt ?? null,
    closesAt: state.closesAt,
    extended: state.extended,
    nominatedAutomatically: state.nominatedAutomatically,
    nominationReasons: o.nominationReasons ?? [],
    rule,
    // Closes recorded before delegation (ADR 0035) have no `delegated`: none was.
    tally: (({ delegated, ...t }) => ({ ...t, delegated: delegated ?? 0 }))(c ? c.tally : current.tally),
    /** Every vote that counted (counts, while open) for someone else: delegator, delegate, choice, the delegate's vote. */
    delegatedVotes,
    outcome: c ? c.outcome : null,
    /** What the outcome would be if the proposal closed now (open proposals only). */
    outcomeIfClosedNow: state.status === 'open' ? current.outcome : null,
    closedAt: c?.closedAt ?? null,
    followUp: c?.followUp ?? null,
    votes,
    history: events.map((e) => ({
      eventId: e.id,
      type: e.type,
      actor: { id: e.metadata.actor.id, role: e.metadata.actor.role },
      recordedAt: e.recordedAt,
      correlationId: e.metadata.correlationId,
      causationId: e.metadata.causationId,
      data: e.data as Data,
    })),
    revision: events.length ? events[events.length - 1].revision : null,
  };
}
