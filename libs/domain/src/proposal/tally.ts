import type { ForumRule } from '../forum/forum.events';
import type { ProposalOutcome, Tally } from './proposal.events';
import type { VoteState } from './proposal.state';

/**
 * The tally rule (ADR 0013): each member's latest vote counts, provided they are still a member when the
 * tally is taken; the quorum counts kill + keep + abstain; below quorum → no-quorum; otherwise kill when
 * kill / (kill + keep) ≥ killThreshold (and at least one kill), keep otherwise.
 */
export function tallyVotes(
  votes: Record<string, VoteState>,
  members: readonly string[],
  rule: Pick<ForumRule, 'quorum' | 'killThreshold'>,
): { tally: Tally; outcome: ProposalOutcome } {
  const tally: Tally = { kill: 0, keep: 0, abstain: 0, votesCast: 0, members: members.length };
  for (const v of Object.values(votes)) {
    if (!members.includes(v.memberId)) continue;
    tally[v.choice] += 1;
    tally.votesCast += 1;
  }
  if (tally.votesCast < rule.quorum) return { tally, outcome: 'no-quorum' };
  const decisive = tally.kill + tally.keep;
  // kill / decisive ≥ threshold, compared without division (and tolerant of 0.1-style float thresholds).
  const outcome: ProposalOutcome = tally.kill > 0 && tally.kill >= rule.killThreshold * decisive - 1e-9 ? 'kill' : 'keep';
  return { tally, outcome };
}
