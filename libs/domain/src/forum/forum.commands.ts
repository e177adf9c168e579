import type { Actor } from '@ledger/kernel';
import type { ForumRule } from './forum.events';

interface Base {
  actor: Actor;
}

export type CreateForum = Base & {
  kind: 'CreateForum';
  forumId: string;
  name: string;
  backlogIds: string[];
  /** Backlog ids of `backlogIds` that do not exist (loaded by the application layer). */
  unknownBacklogIds: string[];
  /** Fields not given take DEFAULT_FORUM_RULE. */
  rule?: Partial<ForumRule>;
  rationale: string;
};

export type AddForumMember = Base & { kind: 'AddForumMember'; memberId: string; rationale: string };

/** A member leaves (on their own, or removed by an admin / product leader). */
export type RemoveForumMember = Base & { kind: 'RemoveForumMember'; memberId: string; rationale: string };

export type ChangeForumRule = Base & {
  kind: 'ChangeForumRule';
  /** Fields not given keep their current value. */
  rule?: Partial<ForumRule>;
  /** New scope; absent keeps the current one. */
  backlogIds?: string[];
  unknownBacklogIds: string[];
  rationale: string;
};

/** The actor delegates their own vote in the forum (ADR 0035). */
export type DelegateVote = Base & {
  kind: 'DelegateVote';
  /** The current instant (ISO-8601), from the injected clock. */
  now: string;
  delegationId: string;
  delegateId: string;
  /** Default: now. May not lie in the past. */
  validFrom?: string;
  validUntil: string;
  rationale: string;
};

/** The delegator (or a forum admin) revokes a delegation. */
export type RevokeDelegation = Base & { kind: 'RevokeDelegation'; now: string; delegationId: string; rationale: string };

export type ForumCommand = CreateForum | AddForumMember | RemoveForumMember | ChangeForumRule | DelegateVote | RevokeDelegation;
