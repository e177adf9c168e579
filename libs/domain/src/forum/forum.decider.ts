import { DomainError, type Role } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import { requireRole } from '../decision-rights';
import { requireText } from '../rationale';
import type { AddForumMember, ChangeForumRule, CreateForum, ForumCommand, RemoveForumMember } from './forum.commands';
import { NO_QUORUM_FOLLOW_UPS, type ForumEvent, type ForumRule } from './forum.events';
import { initialForumState, isMember, type ForumState } from './forum.state';

type Out = Decided<ForumEvent>[];

/** Who sets up and governs review forums. */
export const FORUM_ADMIN_ROLES: readonly Role[] = ['admin', 'product-leader', 'system'];

const NAME_MAX = 120;
const MEMBER_ID_MAX = 200;
const MAX_BACKLOGS = 50;

/** Bounds of every rule number (ADR 0013). */
export const RULE_BOUNDS = {
  quorum: [1, 1000],
  votingPeriodDays: [1, 365],
  reviewCadenceDays: [1, 365],
} as const;

function invalid(code: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details, 'validation');
}

function rationaleOf(value: unknown): string {
  return requireText(value, 'rationale', 'DECISION.RATIONALE_REQUIRED');
}

/** Overlays the given rule fields on `base` and validates the result (FORUM.INVALID_RULE). */
export function resolveRule(base: ForumRule, partial: unknown): ForumRule {
  if (partial === undefined || partial === null) return { ...base };
  if (typeof partial !== 'object' || Array.isArray(partial)) {
    throw invalid('FORUM.INVALID_RULE', 'rule must be an object.', { field: 'rule' });
  }
  const p = partial as Record<string, unknown>;
  const pick = <K extends keyof ForumRule>(k: K): unknown => (p[k] === undefined ? base[k] : p[k]);
  const rule = {
    quorum: pick('quorum'),
    killThreshold: pick('killThreshold'),
    votingPeriodDays: pick('votingPeriodDays'),
    reviewCadenceDays: pick('reviewCadenceDays'),
    onNoQuorum: pick('onNoQuorum'),
  };
  for (const [field, [min, max]] of Object.entries(RULE_BOUNDS)) {
    const value = rule[field as keyof typeof RULE_BOUNDS];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalid('FORUM.INVALID_RULE', `rule.${field} must be an integer between ${min} and ${max}.`, {
        field: `rule.${field}`,
        value,
        min,
        max,
      });
    }
  }
  const t = rule.killThreshold;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0 || t > 1) {
    throw invalid('FORUM.INVALID_RULE', 'rule.killThreshold must be a share: 0 < killThreshold ≤ 1.', {
      field: 'rule.killThreshold',
      value: t,
    });
  }
  if (!(NO_QUORUM_FOLLOW_UPS as readonly unknown[]).includes(rule.onNoQuorum)) {
    throw invalid('FORUM.INVALID_RULE', `rule.onNoQuorum must be one of ${NO_QUORUM_FOLLOW_UPS.join(', ')}.`, {
      field: 'rule.onNoQuorum',
      value: rule.onNoQuorum,
    });
  }
  return rule as ForumRule;
}

function scopeOf(backlogIds: unknown, unknownBacklogIds: string[] | undefined): string[] {
  if (!Array.isArray(backlogIds) || backlogIds.length === 0 || backlogIds.length > MAX_BACKLOGS) {
    throw invalid('FORUM.SCOPE_REQUIRED', `backlogIds must name 1..${MAX_BACKLOGS} backlogs.`, { field: 'backlogIds' });
  }
  if (!backlogIds.every((b) => typeof b === 'string' && b !== '')) {
    throw invalid('FORUM.SCOPE_REQUIRED', 'backlogIds must be backlog ids.', { field: 'backlogIds' });
  }
  const unique = [...new Set(backlogIds as string[])];
  const unknown = (unknownBacklogIds ?? []).filter((b) => unique.includes(b));
  if (unknown.length > 0) {
    throw new DomainError('BACKLOG.NOT_FOUND', 'No such backlog.', { backlogIds: unknown }, 'not-found');
  }
  return unique;
}

function memberIdOf(value: unknown): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '' || id.length > MEMBER_ID_MAX) {
    throw invalid('FORUM.MEMBER_ID_REQUIRED', `memberId is required (1..${MEMBER_ID_MAX} characters).`, { field: 'memberId' });
  }
  return id;
}

function create(c: CreateForum, state: ForumState): Out {
  if (state.exists) throw new DomainError('FORUM.ALREADY_EXISTS', 'This forum already exists.', { forumId: state.forumId });
  requireRole(c.actor, FORUM_ADMIN_ROLES, 'set up a review forum');
  const name = typeof c.name === 'string' ? c.name.trim() : '';
  if (name.length < 1 || name.length > NAME_MAX) {
    throw invalid('FORUM.NAME_REQUIRED', `name is required (1..${NAME_MAX} characters).`, { field: 'name' });
  }
  const backlogIds = scopeOf(c.backlogIds, c.unknownBacklogIds);
  const rule = resolveRule(initialForumState.rule, c.rule);
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'forum.created', schemaVersion: 1, data: { forumId: c.forumId, name, backlogIds, rule, rationale } }];
}

function addMember(c: AddForumMember, state: ForumState): Out {
  requireRole(c.actor, FORUM_ADMIN_ROLES, 'add a forum member');
  const memberId = memberIdOf(c.memberId);
  if (isMember(state, memberId)) {
    throw new DomainError('FORUM.ALREADY_MEMBER', 'This person is already a member of the forum.', { memberId });
  }
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'forum.member-joined', schemaVersion: 1, data: { forumId: state.forumId ?? '', memberId, rationale } }];
}

function removeMember(c: RemoveForumMember, state: ForumState): Out {
  const memberId = memberIdOf(c.memberId);
  // A member may leave on their own; removing someone else is for admins and product leaders.
  if (c.actor?.id !== memberId) requireRole(c.actor, FORUM_ADMIN_ROLES, 'remove a forum member');
  if (!isMember(state, memberId)) {
    throw new DomainError('FORUM.NOT_A_MEMBER', 'This person is not a member of the forum.', { memberId });
  }
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'forum.member-left', schemaVersion: 1, data: { forumId: state.forumId ?? '', memberId, rationale } }];
}

function changeRule(c: ChangeForumRule, state: ForumState): Out {
  requireRole(c.actor, FORUM_ADMIN_ROLES, "change a forum's rule");
  const rule = resolveRule(state.rule, c.rule);
  const backlogIds = c.backlogIds === undefined ? state.backlogIds : scopeOf(c.backlogIds, c.unknownBacklogIds);
  const sameRule = (Object.keys(rule) as (keyof ForumRule)[]).every((k) => rule[k] === state.rule[k]);
  const sameScope = backlogIds.length === state.backlogIds.length && backlogIds.every((b) => state.backlogIds.includes(b));
  if (sameRule && sameScope) throw new DomainError('FORUM.NO_CHANGE', 'The forum already has this rule and scope.', {});
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'forum.rule-changed', schemaVersion: 1, data: { forumId: state.forumId ?? '', rule, backlogIds, rationale } }];
}

function decide(command: ForumCommand, state: ForumState): Out {
  if (command.kind === 'CreateForum') return create(command, state);
  if (!state.exists) throw new DomainError('FORUM.NOT_FOUND', 'No such forum.', {}, 'not-found');
  switch (command.kind) {
    case 'AddForumMember':
      return addMember(command, state);
    case 'RemoveForumMember':
      return removeMember(command, state);
    case 'ChangeForumRule':
      return changeRule(command, state);
    default:
      throw invalid('FORUM.UNKNOWN_COMMAND', 'Unknown forum command.', {});
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function evolve(state: ForumState, event: Evolvable<ForumEvent>): ForumState {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'forum.created':
      return {
        exists: true,
        forumId: String(d.forumId),
        name: String(d.name),
        backlogIds: strings(d.backlogIds),
        rule: { ...(d.rule as ForumRule) },
        members: [],
      };
    case 'forum.member-joined':
      return isMember(state, String(d.memberId)) ? state : { ...state, members: [...state.members, String(d.memberId)] };
    case 'forum.member-left':
      return { ...state, members: state.members.filter((m) => m !== d.memberId) };
    case 'forum.rule-changed':
      return { ...state, rule: { ...(d.rule as ForumRule) }, backlogIds: strings(d.backlogIds) };
    default:
      return state;
  }
}

export const forumDecider: Decider<ForumCommand, ForumState, ForumEvent> = {
  decide,
  evolve,
  initialState: initialForumState,
};
