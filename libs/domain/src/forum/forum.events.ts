/** Stable wire names of the review-forum stream (`forum-<uuid>`): never rename; add a schemaVersion instead. */
export const ForumEventType = {
  Created: 'forum.created',
  MemberJoined: 'forum.member-joined',
  MemberLeft: 'forum.member-left',
  RuleChanged: 'forum.rule-changed',
  VoteDelegated: 'forum.vote-delegated',
  DelegationRevoked: 'forum.delegation-revoked',
} as const;

export const NO_QUORUM_FOLLOW_UPS = ['reopen-next-cadence', 'return-to-owner'] as const;
export type NoQuorumFollowUp = (typeof NO_QUORUM_FOLLOW_UPS)[number];

/** The forum's voting rule (ADR 0013). */
export interface ForumRule {
  /** Minimum votes cast (kill + keep + abstain) for a decision. */
  quorum: number;
  /** 0 < t ≤ 1: share of kill among kill + keep needed to kill. */
  killThreshold: number;
  /** A proposal closes this many days after it is opened. */
  votingPeriodDays: number;
  /** Days between automatic nominations (DOMAIN.md default 14). */
  reviewCadenceDays: number;
  /** What follows a no-quorum close. */
  onNoQuorum: NoQuorumFollowUp;
}

export const DEFAULT_FORUM_RULE: ForumRule = {
  quorum: 3,
  killThreshold: 0.5,
  votingPeriodDays: 7,
  reviewCadenceDays: 14,
  onNoQuorum: 'reopen-next-cadence',
};

export type ForumCreated = {
  type: 'forum.created';
  schemaVersion: 1;
  data: { forumId: string; name: string; backlogIds: string[]; rule: ForumRule; rationale: string };
};

export type ForumMemberJoined = {
  type: 'forum.member-joined';
  schemaVersion: 1;
  data: { forumId: string; memberId: string; rationale: string };
};

export type ForumMemberLeft = {
  type: 'forum.member-left';
  schemaVersion: 1;
  data: { forumId: string; memberId: string; rationale: string };
};

export type ForumRuleChanged = {
  type: 'forum.rule-changed';
  schemaVersion: 1;
  data: { forumId: string; rule: ForumRule; backlogIds: string[]; rationale: string };
};

/**
 * A member delegates their vote in this forum to another member for [validFrom, validUntil) (ADR 0035): while it
 * holds, the delegate's own vote counts for the delegator too, unless the delegator votes themself.
 */
export type ForumVoteDelegated = {
  type: 'forum.vote-delegated';
  schemaVersion: 1;
  data: {
    forumId: string;
    delegationId: string;
    delegatorId: string;
    delegateId: string;
    /** ISO-8601 instants. */
    validFrom: string;
    validUntil: string;
    rationale: string;
  };
};

/** The delegation stops holding at `revokedAt` (by the delegator, or a forum admin). */
export type ForumDelegationRevoked = {
  type: 'forum.delegation-revoked';
  schemaVersion: 1;
  data: {
    forumId: string;
    delegationId: string;
    delegatorId: string;
    delegateId: string;
    /** ISO-8601 instant (the decision's `now`). */
    revokedAt: string;
    revokedBy: string;
    rationale: string;
  };
};

export type ForumEvent =
  | ForumCreated
  | ForumMemberJoined
  | ForumMemberLeft
  | ForumRuleChanged
  | ForumVoteDelegated
  | ForumDelegationRevoked;
