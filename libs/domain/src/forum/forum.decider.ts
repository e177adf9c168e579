import { DomainError, type Role } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import { requireRole } from '../decision-rights';
import { requireText } from '../rationale';
import type {
  AddForumMember,
  ChangeForumRule,
  CreateForum,
  DelegateVote,
  ForumCommand,
  RemoveForumMember,
  RevokeDelegation,
} from './forum.commands';
import { NO_QUORUM_FOLLOW_UPS, type ForumEvent, type ForumRule } from './forum.events';
import { delegationEnd, initialForumState, isMember, overlaps, type Delegation, type ForumState } from './forum.state';

type Out = Decided<ForumEvent>[];

/** Who sets up and governs review forums. */
export const FORUM_ADMIN_ROLES: readonly Role[] = ['admin', 'product-leader', 'system'];

const NAME_MAX = 120;
/** A delegation covers at most a year (a standing proxy is a membership question, not a delegation). */
export const MAX_DELEGATION_DAYS = 366;
const DAY_MS = 86_400_000;
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

function instant(value: unknown, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) throw invalid('FORUM.INVALID_DELEGATION_PERIOD', `${field} must be an ISO-8601 instant.`, { field, value });
  return t;
}

/**
 * A member delegates their own vote to another member for a period (ADR 0035). No chains, at any instant of the
 * period: the delegate must not have delegated themself (a member who has delegated cannot receive), the delegator
 * must not hold delegations from others (a delegate cannot pass a delegated vote on), and a delegation back from the
 * delegate is a cycle. One delegation per delegator at a time.
 */
function delegate(c: DelegateVote, state: ForumState): Out {
  const delegatorId = c.actor?.id ?? '';
  if (!isMember(state, delegatorId)) {
    throw new DomainError('FORUM.NOT_A_MEMBER', 'Only members of the forum delegate their vote.', { memberId: delegatorId }, 'forbidden');
  }
  const delegateId = memberIdOf(c.delegateId);
  if (delegateId === delegatorId) throw invalid('FORUM.SELF_DELEGATION', 'A member cannot delegate to themself.', { field: 'delegateId' });
  if (!isMember(state, delegateId)) {
    throw new DomainError('FORUM.DELEGATE_NOT_A_MEMBER', 'Votes are delegated to another member of the same forum.', { delegateId });
  }
  const delegationId = typeof c.delegationId === 'string' ? c.delegationId : '';
  if (delegationId === '') throw invalid('FORUM.DELEGATION_ID_REQUIRED', 'delegationId is required.', { field: 'delegationId' });
  if (state.delegations.some((d) => d.delegationId === delegationId)) {
    throw new DomainError('FORUM.DELEGATION_ALREADY_EXISTS', 'A delegation with this id already exists.', { delegationId });
  }
  const now = instant(c.now, 'now');
  const from = c.validFrom === undefined || c.validFrom === null ? now : instant(c.validFrom, 'validFrom');
  const until = instant(c.validUntil, 'validUntil');
  if (from < now) throw invalid('FORUM.INVALID_DELEGATION_PERIOD', 'validFrom may not lie in the past.', { field: 'validFrom' });
  if (until <= from) throw invalid('FORUM.INVALID_DELEGATION_PERIOD', 'validUntil must lie after validFrom.', { field: 'validUntil' });
  if (until - from > MAX_DELEGATION_DAYS * DAY_MS) {
    throw invalid('FORUM.INVALID_DELEGATION_PERIOD', `A delegation covers at most ${MAX_DELEGATION_DAYS} days.`, { field: 'validUntil' });
  }
  const validFrom = new Date(from).toISOString();
  const validUntil = new Date(until).toISOString();
  const during = (d: Delegation) => overlaps(d, validFrom, validUntil);
  const own = state.delegations.find((d) => d.delegatorId === delegatorId && during(d));
  if (own) {
    throw new DomainError('FORUM.ALREADY_DELEGATED', 'You already delegate your vote for part of this period; revoke that delegation first.', {
      delegationId: own.delegationId,
      delegateId: own.delegateId,
    });
  }
  const back = state.delegations.find((d) => d.delegatorId === delegateId && d.delegateId === delegatorId && during(d));
  if (back) {
    throw new DomainError('FORUM.DELEGATION_CYCLE', `${delegateId} delegates their vote to you during this period: delegating back would be a cycle.`, {
      delegationId: back.delegationId,
    });
  }
  const onward = state.delegations.find((d) => d.delegatorId === delegateId && during(d));
  if (onward) {
    throw new DomainError('FORUM.DELEGATE_HAS_DELEGATED', `${delegateId} has delegated their own vote during this period and cannot receive delegations.`, {
      delegationId: onward.delegationId,
    });
  }
  const held = state.delegations.find((d) => d.delegateId === delegatorId && during(d));
  if (held) {
    throw new DomainError('FORUM.DELEGATED_VOTE_CANNOT_PASS_ON', `You hold ${held.delegatorId}'s delegated vote during this period and cannot pass votes on.`, {
      delegationId: held.delegationId,
    });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'forum.vote-delegated',
      schemaVersion: 1,
      data: { forumId: state.forumId ?? '', delegationId, delegatorId, delegateId, validFrom, validUntil, rationale },
    },
  ];
}

function revokeDelegation(c: RevokeDelegation, state: ForumState): Out {
  const d = state.delegations.find((x) => x.delegationId === c.delegationId);
  if (!d) throw new DomainError('FORUM.DELEGATION_NOT_FOUND', 'No such delegation in this forum.', { delegationId: c.delegationId }, 'not-found');
  if (c.actor?.id !== d.delegatorId) requireRole(c.actor, FORUM_ADMIN_ROLES, "revoke someone else's delegation");
  if (d.revokedAt !== null) {
    throw new DomainError('FORUM.DELEGATION_ALREADY_REVOKED', 'This delegation is already revoked.', { revokedAt: d.revokedAt });
  }
  const now = instant(c.now, 'now');
  if (d.endedByLeave || now >= Date.parse(delegationEnd(d))) {
    throw new DomainError('FORUM.DELEGATION_ENDED', 'This delegation has already ended.', { validUntil: d.validUntil });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'forum.delegation-revoked',
      schemaVersion: 1,
      data: {
        forumId: state.forumId ?? '',
        delegationId: d.delegationId,
        delegatorId: d.delegatorId,
        delegateId: d.delegateId,
        revokedAt: new Date(now).toISOString(),
        revokedBy: c.actor.id,
        rationale,
      },
    },
  ];
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
    case 'DelegateVote':
      return delegate(command, state);
    case 'RevokeDelegation':
      return revokeDelegation(command, state);
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
        delegations: [],
      };
    case 'forum.member-joined':
      return isMember(state, String(d.memberId)) ? state : { ...state, members: [...state.members, String(d.memberId)] };
    case 'forum.member-left':
      return {
        ...state,
        members: state.members.filter((m) => m !== d.memberId),
        // Whoever leaves takes their delegations (given and received) with them, for good.
        delegations: state.delegations.map((x) =>
          !x.endedByLeave && (x.delegatorId === d.memberId || x.delegateId === d.memberId) ? { ...x, endedByLeave: true } : x,
        ),
      };
    case 'forum.vote-delegated':
      if (typeof d.delegationId !== 'string' || state.delegations.some((x) => x.delegationId === d.delegationId)) return state;
      return {
        ...state,
        delegations: [
          ...state.delegations,
          {
            delegationId: d.delegationId,
            delegatorId: String(d.delegatorId),
            delegateId: String(d.delegateId),
            validFrom: String(d.validFrom),
            validUntil: String(d.validUntil),
            revokedAt: null,
            endedByLeave: false,
          },
        ],
      };
    case 'forum.delegation-revoked':
      return {
        ...state,
        delegations: state.delegations.map((x) =>
          x.delegationId === d.delegationId && x.revokedAt === null ? { ...x, revokedAt: String(d.revokedAt) } : x,
        ),
      };
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
