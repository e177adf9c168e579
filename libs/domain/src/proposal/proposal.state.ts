import type { ForumRule } from '../forum/forum.events';
import type { ProposalOutcome, Tally, VoteChoice } from './proposal.events';

export type ProposalStatus = 'none' | 'open' | 'closed' | 'withdrawn';

export interface VoteState {
  memberId: string;
  choice: VoteChoice;
  reason: string;
  /** Id of the proposal.vote-cast event. */
  eventId: string;
}

export interface ProposalState {
  status: ProposalStatus;
  proposalId: string | null;
  forumId: string | null;
  itemId: string | null;
  backlogId: string | null;
  reason: string;
  openedBy: string | null;
  closesAt: string | null;
  extended: boolean;
  rule: ForumRule | null;
  nominatedAutomatically: boolean;
  /** Each member's latest vote. */
  votes: Record<string, VoteState>;
  /** Every vote ever cast (a replaced vote included): once > 0 the reason is locked. */
  votesEverCast: number;
  outcome: ProposalOutcome | null;
  tally: Tally | null;
}

export const initialProposalState: ProposalState = {
  status: 'none',
  proposalId: null,
  forumId: null,
  itemId: null,
  backlogId: null,
  reason: '',
  openedBy: null,
  closesAt: null,
  extended: false,
  rule: null,
  nominatedAutomatically: false,
  votes: {},
  votesEverCast: 0,
  outcome: null,
  tally: null,
};

export interface ProposalSlotState {
  /** The latest claim (the proposal holding the slot, unless it is closed or withdrawn). */
  current: { proposalId: string; eventId: string } | null;
  claimed: string[];
}

export const initialProposalSlotState: ProposalSlotState = { current: null, claimed: [] };
