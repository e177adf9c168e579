/**
 * Who may do what, as the API decides it (apps/api/src/auth/authorization.ts for backlog scope,
 * libs/domain/src/decision-rights.ts and the item decider for decisions). The UI only hides what the API would
 * refuse; the API stays the judge.
 */
export const ROLES = ['admin', 'product-leader', 'product-owner', 'stakeholder', 'forum-member', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person, as the session says. */
export interface Session {
  sub: string;
  /** The person's name when the session knows it (GET /me does); else the subject is shown. */
  name?: string;
  role: Role;
  /** Backlogs named in the session: a product owner decides only on these; a stakeholder is limited to them when present. */
  backlogs: string[];
  /** When the session (or API token) stops working (GET /me `expiresAt`). */
  expiresAt?: string;
  /** The web session's id (null / absent for API tokens): marks "this browser" among the live sessions. */
  sessionId?: string;
}

const DECIDE_ALL: readonly Role[] = ['admin', 'product-leader'];
const ESCALATORS: readonly Role[] = ['stakeholder', 'product-owner', 'product-leader', 'admin'];

/** Backlog scope for writes (Authorization.assertCanWrite). */
function inWriteScope(s: Session, backlogId: string): boolean {
  if (s.role === 'auditor' || s.role === 'forum-member') return false;
  if (DECIDE_ALL.includes(s.role)) return true;
  if (s.role === 'stakeholder' && s.backlogs.length === 0) return true;
  return s.backlogs.includes(backlogId);
}

/** Owner decisions on a backlog's items: rank, start, deliver, estimate, kill, revive, resolve escalations… */
export function canDecide(s: Session, backlogId: string): boolean {
  return ['admin', 'product-leader', 'product-owner'].includes(s.role) && inWriteScope(s, backlogId);
}

/** Add an item: deciders place it; a stakeholder requests it (at the bottom). */
export function canAddItem(s: Session, backlogId: string): boolean {
  return (canDecide(s, backlogId) || s.role === 'stakeholder') && inWriteScope(s, backlogId);
}

/** Challenge a decision on an item. */
export function canEscalate(s: Session, backlogId: string): boolean {
  return ESCALATORS.includes(s.role) && inWriteScope(s, backlogId);
}

export type ItemStatus = 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';

export const ITEM_ACTIONS = [
  'start',
  'deliver',
  'estimate',
  'link-objective',
  'set-kill-criteria',
  'kill',
  'revive',
  'anti-backlog',
  'record-outcome',
  'escalate',
  'resolve-escalation',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** Which decisions an item offers this person, given its status (the item decider's preconditions). */
export function itemActions(s: Session, item: { backlogId: string; status: string; openEscalations: number }): ItemAction[] {
  const out: ItemAction[] = [];
  const ranked = item.status === 'open' || item.status === 'in-progress';
  if (canDecide(s, item.backlogId)) {
    if (item.status === 'open') out.push('start');
    if (ranked) out.push('deliver', 'estimate', 'link-objective', 'set-kill-criteria', 'kill');
    if (item.status === 'open') out.push('anti-backlog');
    if (item.status === 'killed') out.push('revive');
    if (item.status === 'delivered') out.push('record-outcome');
    if (item.openEscalations > 0) out.push('resolve-escalation');
  }
  if (canEscalate(s, item.backlogId)) out.push('escalate');
  return out;
}

// ------------------------------------------------------------------------------------------------ review forums
// The forum and proposal deciders (libs/domain/src/forum/forum.decider.ts, proposal/proposal.decider.ts): admins
// and product leaders govern forums; members vote; whoever opened a proposal may withdraw it or amend its reason.

const FORUM_GOVERNORS: readonly Role[] = ['admin', 'product-leader'];

/** Set up a forum, add or remove members, change its rule (FORUM_ADMIN_ROLES). */
export function canGovernForums(s: Session): boolean {
  return FORUM_GOVERNORS.includes(s.role);
}

const isMemberOf = (s: Session, forum: { members: readonly string[] }) => forum.members.includes(s.sub);

/**
 * Vote on the forum's proposals: its current members (PROPOSAL.NOT_A_MEMBER otherwise). The auditor role reads only,
 * everywhere in the app, even if someone made an auditor a member.
 */
export function canVote(s: Session, forum: { members: readonly string[] }): boolean {
  return s.role !== 'auditor' && isMemberOf(s, forum);
}

/**
 * Delegate one's own vote in a forum to another member (ADR 0035; FORUM.NOT_A_MEMBER otherwise), and revoke it: only
 * the forum's members; an auditor reads the delegations but acts on none.
 */
export function canDelegate(s: Session, forum: { members: readonly string[] }): boolean {
  return s.role !== 'auditor' && isMemberOf(s, forum);
}

/** Revoke a delegation: its delegator, or a governor (admin, product leader). */
export function canRevokeDelegation(s: Session, d: { delegatorId: string }): boolean {
  return s.role !== 'auditor' && (d.delegatorId === s.sub || FORUM_GOVERNORS.includes(s.role));
}

/** Leave a forum: a member on their own (removing someone else is governing). */
export function canLeaveForum(s: Session, forum: { members: readonly string[] }): boolean {
  return s.role !== 'auditor' && isMemberOf(s, forum);
}

export const PROPOSAL_ACTIONS = ['amend-reason', 'extend', 'withdraw'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/**
 * Which governance decisions an open proposal offers this person: all of them only before the deadline; amending
 * the reason only before any vote was ever cast, even one replaced since (PROPOSAL.REASON_LOCKED); extending once, by a governor (PROPOSAL.ALREADY_EXTENDED).
 */
export function proposalActions(
  s: Session,
  p: { status: string; openedBy: string | null; extended: boolean; votesEverCast: number; closesAt: string | null },
  now: number,
): ProposalAction[] {
  if (p.status !== 'open' || p.closesAt === null || now >= Date.parse(p.closesAt)) return [];
  const governor = FORUM_GOVERNORS.includes(s.role);
  const opener = p.openedBy === s.sub && s.role !== 'auditor';
  const out: ProposalAction[] = [];
  if ((opener || governor) && p.votesEverCast === 0) out.push('amend-reason');
  if (governor && !p.extended) out.push('extend');
  if (opener || governor) out.push('withdraw');
  return out;
}

// ------------------------------------------------------------------------------------------------ audit, requests, escalations

const AUDIT_READERS: readonly Role[] = ['auditor', 'admin', 'product-leader'];

/** Read the audit log, download it, verify the hash chains (Authorization.assertAuditor). */
export function canAudit(s: Session): boolean {
  return AUDIT_READERS.includes(s.role);
}

/** Request an item: a stakeholder, on a backlog in the session's scope (deciders add items on the backlog screen). */
export function canRequestItem(s: Session, backlogId: string): boolean {
  return s.role === 'stakeholder' && inWriteScope(s, backlogId);
}

export const ESCALATION_VIEWS = ['open', 'all', 'mine'] as const;
/** open: waiting for a resolution on the backlogs I may read; all: every escalation there; mine: the ones I raised. */
export type EscalationView = (typeof ESCALATION_VIEWS)[number];

/**
 * The lists of escalations a person gets, the first one the default (GET /escalations): a stakeholder only the ones
 * they raised (AUTH.NOT_YOUR_ESCALATIONS otherwise); owners, leaders and admins first what waits for them, then
 * everything, then their own; an auditor reads them all and raises none.
 */
export function escalationViews(s: Session): EscalationView[] {
  if (s.role === 'stakeholder') return ['mine'];
  if (s.role === 'auditor') return ['all', 'open'];
  if (ESCALATORS.includes(s.role)) return ['open', 'all', 'mine'];
  return [];
}

/** A review forum as the proposal rule needs it (GET /forums). */
export interface ForumScope {
  backlogIds: readonly string[];
  members: readonly string[];
}

/**
 * Open a kill proposal on an item of `backlogId` in `forum` (the proposal decider's OpenProposal rule): the forum must
 * review the backlog, and the person be a product leader or admin, one of the forum's members, or a product owner of
 * that backlog. An auditor is offered no decision, even as a forum member.
 */
export function canProposeKill(s: Session, backlogId: string, forum: ForumScope): boolean {
  if (s.role === 'auditor' || !forum.backlogIds.includes(backlogId)) return false;
  return DECIDE_ALL.includes(s.role) || forum.members.includes(s.sub) || (s.role === 'product-owner' && s.backlogs.includes(backlogId));
}

// ------------------------------------------------------------------------------------------ people and webhooks
// apps/api/src/sign-in/session-issuer.ts (assertAdmin) and apps/api/src/webhooks/webhook-access.ts.

/** Invite people, revoke invitations and sessions (only admins: AUTH.ROLE_FORBIDDEN otherwise). */
export function canManagePeople(s: Session): boolean {
  return s.role === 'admin';
}

const WEBHOOK_MANAGERS: readonly Role[] = ['admin', 'product-leader'];
/** Register and remove webhooks. */
export function canManageWebhooks(s: Session): boolean {
  return WEBHOOK_MANAGERS.includes(s.role);
}

/** See webhooks and their deliveries: the managers, and auditors (read only). */
export function canSeeWebhooks(s: Session): boolean {
  return canManageWebhooks(s) || s.role === 'auditor';
}
