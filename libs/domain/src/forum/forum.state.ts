import { DEFAULT_FORUM_RULE, type ForumRule } from './forum.events';

/** A vote delegation as the forum's history records it (ADR 0035). */
export interface Delegation {
  delegationId: string;
  delegatorId: string;
  delegateId: string;
  validFrom: string;
  validUntil: string;
  /** When it was revoked (ISO), or null. */
  revokedAt: string | null;
  /** A party left the forum after it was granted: it never holds again (even if they rejoin). */
  endedByLeave: boolean;
}

/** The instant the delegation stops holding (exclusive): the earliest of its end and its revocation. */
export function delegationEnd(d: Delegation): string {
  return d.revokedAt !== null && Date.parse(d.revokedAt) < Date.parse(d.validUntil) ? d.revokedAt : d.validUntil;
}

/** Whether the delegation holds at instant `at` (ISO). */
export function holdsAt(d: Delegation, at: string): boolean {
  const t = Date.parse(at);
  return !d.endedByLeave && Date.parse(d.validFrom) <= t && t < Date.parse(delegationEnd(d));
}

/** Whether the delegation holds at some instant of [from, until). */
export function overlaps(d: Delegation, from: string, until: string): boolean {
  return !d.endedByLeave && Date.parse(d.validFrom) < Date.parse(until) && Date.parse(from) < Date.parse(delegationEnd(d));
}

/** The delegation of `delegatorId` that holds at `at`, if any (at most one: the decider refuses overlaps). */
export function delegationOf(forum: Pick<ForumState, 'delegations'>, delegatorId: string, at: string): Delegation | null {
  return forum.delegations.find((d) => d.delegatorId === delegatorId && holdsAt(d, at)) ?? null;
}

export interface ForumState {
  exists: boolean;
  forumId: string | null;
  name: string;
  backlogIds: string[];
  rule: ForumRule;
  /** Current members (token subjects), in joining order. */
  members: string[];
  /** Every delegation ever granted, in the order granted. */
  delegations: Delegation[];
}

export const initialForumState: ForumState = {
  exists: false,
  forumId: null,
  name: '',
  backlogIds: [],
  rule: DEFAULT_FORUM_RULE,
  members: [],
  delegations: [],
};

export function isMember(forum: Pick<ForumState, 'members'>, memberId: string): boolean {
  return forum.members.includes(memberId);
}
