import type { ForumRule, NoQuorumFollowUp } from '../forum/forum.events';

/** Stable wire names of the kill-proposal stream (`proposal-<uuid>`): never rename. */
export const ProposalEventType = {
  Opened: 'proposal.opened',
  ReasonAmended: 'proposal.reason-amended',
  VoteCast: 'proposal.vote-cast',
  Withdrawn: 'proposal.withdrawn',
  DeadlineExtended: 'proposal.deadline-extended',
  Closed: 'proposal.closed',
} as const;

export const VOTE_CHOICES = ['kill', 'keep', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export type ProposalOutcome = 'kill' | 'keep' | 'no-quorum';

export interface Tally {
  kill: number;
  keep: number;
  abstain: number;
  /** kill + keep + abstain (the quorum counts all three). */
  votesCast: number;
  /** Forum members when the tally was taken. */
  members: number;
  /** Of votesCast, how many counted for a member through their delegate (ADR 0035; absent in closes before it). */
  delegated?: number;
}

/** A vote that counted for someone else: the delegate's own vote, counted for the delegator (ADR 0035). */
export interface DelegatedVote {
  /** The delegator, for whom the vote counted. */
  memberId: string;
  delegateId: string;
  delegationId: string;
  choice: VoteChoice;
  /** The delegate's proposal.vote-cast event. */
  voteEventId: string;
}

export type ProposalOpened = {
  type: 'proposal.opened';
  schemaVersion: 1;
  data: {
    proposalId: string;
    forumId: string;
    itemId: string;
    backlogId: string;
    reason: string;
    openedBy: string;
    /** ISO-8601 instant; voting ends here (exclusive). */
    closesAt: string;
    nominatedAutomatically: boolean;
    nominationReasons: string[];
    /** Added field: the forum's rule when the proposal opened; the close applies this one (ADR 0013). */
    rule: ForumRule;
    /** Added field: the cadence point that nominated it (automatic nominations), else null. */
    cadenceIndex: number | null;
  };
};

export type ProposalReasonAmended = {
  type: 'proposal.reason-amended';
  schemaVersion: 1;
  data: { proposalId: string; reason: string; previousReason: string };
};

export type ProposalVoteCast = {
  type: 'proposal.vote-cast';
  schemaVersion: 1 | 2;
  data: {
    proposalId: string;
    forumId: string;
    memberId: string;
    choice: VoteChoice;
    reason: string;
    replacesPrevious: boolean;
    /**
     * v2: members whose delegation to the voter held when the vote was cast and who had not voted themselves: the
     * vote counts for them too, unless they vote themselves before the deadline (the close records what counted).
     */
    forDelegators?: string[];
  };
};

export type ProposalWithdrawn = {
  type: 'proposal.withdrawn';
  schemaVersion: 1;
  data: { proposalId: string; forumId: string; itemId: string; reason: string; withdrawnBy: string };
};

export type ProposalDeadlineExtended = {
  type: 'proposal.deadline-extended';
  schemaVersion: 1;
  data: { proposalId: string; forumId: string; previousClosesAt: string; closesAt: string; reason: string };
};

export type ProposalClosed = {
  type: 'proposal.closed';
  /** v2: the tally counts delegated votes (tally.delegated) and `delegatedVotes` lists them. */
  schemaVersion: 1 | 2;
  data: {
    proposalId: string;
    forumId: string;
    itemId: string;
    backlogId: string;
    outcome: ProposalOutcome;
    tally: Tally;
    /** ISO-8601: the instant the close was decided (at or after closesAt). */
    closedAt: string;
    followUp: NoQuorumFollowUp | null;
    /** v2: every vote that counted for someone else, judged at the deadline. */
    delegatedVotes?: DelegatedVote[];
  };
};

export type ProposalEvent =
  | ProposalOpened
  | ProposalReasonAmended
  | ProposalVoteCast
  | ProposalWithdrawn
  | ProposalDeadlineExtended
  | ProposalClosed;

/** The per-item slot stream (`itemproposals-<itemId>`) that keeps one open proposal per item (ADR 0013). */
export type ProposalSlotClaimed = {
  type: 'item-proposal-slot.claimed';
  schemaVersion: 1;
  data: {
    itemId: string;
    proposalId: string;
    /** The proposal.opened data: whoever finds the claim without its proposal completes the opening. */
    opened: ProposalOpened['data'];
  };
};

export type ProposalSlotEvent = ProposalSlotClaimed;
