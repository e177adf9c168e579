import type { ForumRule } from '../forum/forum.events';
import { delegationOf, type Delegation } from '../forum/forum.state';
import type { DelegatedVote, ProposalOutcome, Tally } from './proposal.events';
import type { VoteState } from './proposal.state';

/** The forum's delegations and the instant they are judged at (the deadline for a close, now while voting runs). */
export interface TallyDelegations {
  delegations: readonly Delegation[];
  /** ISO-8601. */
  at: string;
}

/**
 * The tally rule (ADR 0013, with delegation from ADR 0035): each member's latest vote counts, provided they are still
 * a member when the tally is taken; a member without a vote of their own is represented by the member their
 * delegation holding at `delegations.at` names, if that delegate is a member and cast a vote of their own (a
 * delegated vote is never passed on). The quorum counts kill + keep + abstain, delegated votes included; below
 * quorum → no-quorum; otherwise kill when kill / (kill + keep) ≥ killThreshold (and at least one kill), keep otherwise.
 * `delegatedVotes` lists every vote that counted for someone else.
 */
export function tallyVotes(
  votes: Record<string, VoteState>,
  members: readonly string[],
  rule: Pick<ForumRule, 'quorum' | 'killThreshold'>,
  delegations?: TallyDelegations,
): { tally: Tally; outcome: ProposalOutcome; delegatedVotes: DelegatedVote[] } {
  const tally: Tally = { kill: 0, keep: 0, abstain: 0, votesCast: 0, members: members.length, delegated: 0 };
  const delegatedVotes: DelegatedVote[] = [];
  const own = (memberId: string): VoteState | undefined =>
    Object.prototype.hasOwnProperty.call(votes, memberId) ? votes[memberId] : undefined;
  for (const memberId of members) {
    const mine = own(memberId);
    if (mine) {
      tally[mine.choice] += 1;
      tally.votesCast += 1;
      continue;
    }
    if (!delegations) continue;
    const d = delegationOf({ delegations: [...delegations.delegations] }, memberId, delegations.at);
    if (!d || !members.includes(d.delegateId)) continue;
    const theirs = own(d.delegateId);
    if (!theirs) continue;
    tally[theirs.choice] += 1;
    tally.votesCast += 1;
    tally.delegated = (tally.delegated ?? 0) + 1;
    delegatedVotes.push({ memberId, delegateId: d.delegateId, delegationId: d.delegationId, choice: theirs.choice, voteEventId: theirs.eventId });
  }
  if (tally.votesCast < rule.quorum) return { tally, outcome: 'no-quorum', delegatedVotes };
  const decisive = tally.kill + tally.keep;
  // kill / decisive ≥ threshold, compared without division (and tolerant of 0.1-style float thresholds).
  const outcome: ProposalOutcome = tally.kill > 0 && tally.kill >= rule.killThreshold * decisive - 1e-9 ? 'kill' : 'keep';
  return { tally, outcome, delegatedVotes };
}
