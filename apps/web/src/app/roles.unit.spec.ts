import { NAV, navFor } from './nav';
import { canAddItem, canAudit, canDecide, canDelegate, canRevokeDelegation, canEscalate, canGovernForums, canLeaveForum, canManagePeople, canManageWebhooks, canRequestItem, canSeeWebhooks, canVote, escalationViews, itemActions, proposalActions, ROLES, type Role, type Session } from './roles';
import { mayOpen, ROUTES } from './routes';
import { toSession } from './session';

const as = (role: Role, backlogs: string[] = []): Session => ({ sub: `${role}-1`, role, backlogs });
const open = { backlogId: 'b1', status: 'open', openEscalations: 0 };

describe('role-based navigation and actions', () => {
  it('every nav entry leads to a route the same roles may open', () => {
    const paths = new Set(ROUTES.map((r) => r.path));
    for (const entry of NAV) {
      expect(paths).toContain(entry.to);
      const route = ROUTES.find((r) => r.path === entry.to)!;
      for (const role of ROLES) if (entry.roles === 'all' || entry.roles.includes(role)) expect(mayOpen(route, role)).toBe(true);
    }
  });

  it('filters the navigation by role', () => {
    const nav = [
      { label: 'Portfolio', to: '/', roles: 'all' as const },
      { label: 'Audit', to: '/audit', roles: ['auditor', 'admin'] as Role[] },
    ];
    expect(navFor(as('auditor'), nav).map((e) => e.label)).toEqual(['Portfolio', 'Audit']);
    expect(navFor(as('stakeholder'), nav).map((e) => e.label)).toEqual(['Portfolio']);
  });

  it('every screen has a unique id and path', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });

  it('an auditor and a forum member see no decision at all', () => {
    for (const role of ['auditor', 'forum-member'] as const) {
      expect(canDecide(as(role), 'b1')).toBe(false);
      expect(canAddItem(as(role), 'b1')).toBe(false);
      expect(canEscalate(as(role), 'b1')).toBe(false);
      for (const status of ['open', 'in-progress', 'killed', 'delivered', 'anti-backlog']) {
        expect(itemActions(as(role), { backlogId: 'b1', status, openEscalations: 1 })).toEqual([]);
      }
    }
  });

  it('a stakeholder only requests and escalates (within the backlogs of the session, when it names some)', () => {
    expect(canDecide(as('stakeholder'), 'b1')).toBe(false);
    expect(canAddItem(as('stakeholder'), 'b1')).toBe(true);
    expect(itemActions(as('stakeholder'), { ...open, openEscalations: 1 })).toEqual(['escalate']);
    expect(itemActions(as('stakeholder', ['b2']), open)).toEqual([]);
    expect(canAddItem(as('stakeholder', ['b2']), 'b1')).toBe(false);
  });

  it('a product owner decides on the backlogs of the session only; leaders and admins on all', () => {
    expect(canDecide(as('product-owner', ['b1']), 'b1')).toBe(true);
    expect(canDecide(as('product-owner', ['b1']), 'b2')).toBe(false);
    expect(itemActions(as('product-owner', ['b2']), open)).toEqual([]);
    expect(canDecide(as('product-leader'), 'b9')).toBe(true);
    expect(canDecide(as('admin'), 'b9')).toBe(true);
  });

  it("offers the decisions the item's status allows", () => {
    const lead = as('product-leader');
    expect(itemActions(lead, open)).toEqual(['start', 'deliver', 'estimate', 'link-objective', 'set-kill-criteria', 'kill', 'anti-backlog', 'escalate']);
    expect(itemActions(lead, { ...open, status: 'in-progress' })).toEqual(['deliver', 'estimate', 'link-objective', 'set-kill-criteria', 'kill', 'escalate']);
    expect(itemActions(lead, { ...open, status: 'killed' })).toEqual(['revive', 'escalate']);
    expect(itemActions(lead, { ...open, status: 'delivered' })).toEqual(['record-outcome', 'escalate']);
    expect(itemActions(lead, { ...open, status: 'anti-backlog', openEscalations: 2 })).toEqual(['resolve-escalation', 'escalate']);
  });
});

describe('the session answer', () => {
  it('takes the person, role and backlogs (and a name when there is one), and refuses anything else', () => {
    expect(toSession({ sub: 'otto', role: 'product-owner', backlogs: ['b1', 7] })).toEqual({ sub: 'otto', role: 'product-owner', backlogs: ['b1'] });
    expect(toSession({ sub: 'u-1', name: 'Otto Owner', role: 'auditor', backlogs: [], signedInWith: 'invitation' })).toEqual({
      sub: 'u-1',
      name: 'Otto Owner',
      role: 'auditor',
      backlogs: [],
    });
    expect(toSession({ sub: 'o', role: 'admin', backlogs: [], expiresAt: '2026-01-12T09:00:00.000Z', sessionId: 's-1' })).toEqual({
      sub: 'o', role: 'admin', backlogs: [], expiresAt: '2026-01-12T09:00:00.000Z', sessionId: 's-1',
    });
    expect(toSession({ sub: 'o', role: 'admin', backlogs: [], expiresAt: 'soon', sessionId: null })).toEqual({ sub: 'o', role: 'admin', backlogs: [] });
    expect(() => toSession({ sub: 'x', role: 'system', backlogs: [] })).toThrow('not a person with a role');
    expect(() => toSession(null)).toThrow();
  });
});

describe('review forums', () => {
  const forum = { members: ['forum-member-1', 'product-owner-1', 'auditor-1'] };
  const open = { status: 'open', openedBy: 'product-owner-1', extended: false, votesEverCast: 0, closesAt: '2026-03-10T12:00:00.000Z' };
  const now = Date.parse('2026-03-09T12:00:00.000Z');

  it("a forum's members vote, whatever their role; non-members and auditors do not", () => {
    expect(canVote(as('forum-member'), forum)).toBe(true);
    expect(canVote(as('product-owner'), forum)).toBe(true);
    expect(canVote(as('auditor'), forum)).toBe(false);
    expect(canVote(as('product-leader'), forum)).toBe(false);
    expect(canLeaveForum(as('forum-member'), forum)).toBe(true);
    expect(canLeaveForum(as('stakeholder'), forum)).toBe(false);
  });

  it("only a forum's members delegate their vote; an auditor member sees delegations but acts on none", () => {
    expect(ROLES.filter((r) => canDelegate(as(r), forum))).toEqual(['product-owner', 'forum-member']);
    const mine = { delegatorId: 'forum-member-1' };
    expect(canRevokeDelegation(as('forum-member'), mine)).toBe(true);
    expect(canRevokeDelegation(as('forum-member'), { delegatorId: 'someone-else' })).toBe(false);
    expect(ROLES.filter((r) => canRevokeDelegation(as(r), { delegatorId: 'someone-else' }))).toEqual(['admin', 'product-leader']);
    expect(canRevokeDelegation(as('auditor'), { delegatorId: 'auditor-1' })).toBe(false);
  });

  it('admins and product leaders set forums up and govern them', () => {
    expect(ROLES.filter((r) => canGovernForums(as(r)))).toEqual(['admin', 'product-leader']);
  });

  it('whoever opened a proposal amends its reason until the first vote and withdraws it; governors also extend, once', () => {
    expect(proposalActions(as('product-owner'), open, now)).toEqual(['amend-reason', 'withdraw']);
    expect(proposalActions(as('product-owner'), { ...open, votesEverCast: 1 }, now)).toEqual(['withdraw']);
    expect(proposalActions(as('product-leader'), open, now)).toEqual(['amend-reason', 'extend', 'withdraw']);
    expect(proposalActions(as('product-leader'), { ...open, extended: true, votesEverCast: 2 }, now)).toEqual(['withdraw']);
    expect(proposalActions(as('forum-member'), open, now)).toEqual([]);
    expect(proposalActions(as('auditor'), { ...open, openedBy: 'auditor-1' }, now)).toEqual([]);
  });

  it('offers nothing once the deadline has passed or the proposal is no longer open', () => {
    expect(proposalActions(as('admin'), open, Date.parse(open.closesAt))).toEqual([]);
    expect(proposalActions(as('admin'), { ...open, status: 'closed' }, now)).toEqual([]);
    expect(proposalActions(as('admin'), { ...open, status: 'withdrawn' }, now)).toEqual([]);
  });
});

describe('audit, requests and escalations by role', () => {
  it('the audit log is for auditors, product leaders and admins (as the API’s assertAuditor)', () => {
    expect(ROLES.filter((r) => canAudit(as(r)))).toEqual(['admin', 'product-leader', 'auditor']);
  });

  it('only a stakeholder requests items, within the backlogs of the session when it names some', () => {
    expect(ROLES.filter((r) => canRequestItem(as(r), 'b1'))).toEqual(['stakeholder']);
    expect(canRequestItem(as('stakeholder', ['b2']), 'b1')).toBe(false);
    expect(canRequestItem(as('stakeholder', ['b1']), 'b1')).toBe(true);
  });

  it('a stakeholder lists only their own escalations; deciders what waits first; auditors read all and raise none', () => {
    expect(escalationViews(as('stakeholder'))).toEqual(['mine']);
    expect(escalationViews(as('product-owner', ['b1']))).toEqual(['open', 'all', 'mine']);
    expect(escalationViews(as('product-leader'))).toEqual(['open', 'all', 'mine']);
    expect(escalationViews(as('auditor'))).toEqual(['all', 'open']);
    expect(escalationViews(as('forum-member'))).toEqual([]);
  });

  it('the navigation: a stakeholder gets request and my escalations, an auditor the audit log, nobody else’s', () => {
    const labels = (role: Role) => navFor(as(role)).map((e) => e.label);
    expect(labels('stakeholder')).toEqual(['Portfolio', 'Request an item', 'My escalations']);
    expect(labels('auditor')).toEqual(['Portfolio', 'Forums', 'Escalations', 'Audit', 'Webhooks']);
    expect(labels('product-owner')).not.toContain('Audit');
    expect(labels('forum-member')).not.toContain('Escalations');
  });
});

describe('people and webhooks', () => {
  it('only admins manage people; admins and product leaders manage webhooks, auditors see them', () => {
    expect(ROLES.filter((r) => canManagePeople(as(r)))).toEqual(['admin']);
    expect(ROLES.filter((r) => canManageWebhooks(as(r)))).toEqual(['admin', 'product-leader']);
    expect(ROLES.filter((r) => canSeeWebhooks(as(r)))).toEqual(['admin', 'product-leader', 'auditor']);
  });

  it('the People and Webhooks screens open for the same roles as the functions say', () => {
    const route = (id: string) => ROUTES.find((r) => r.id === id)!;
    for (const role of ROLES) {
      expect(mayOpen(route('people'), role)).toBe(canManagePeople(as(role)));
      expect(mayOpen(route('webhooks'), role)).toBe(canSeeWebhooks(as(role)));
      expect(navFor(as(role)).some((e) => e.to === '/people')).toBe(canManagePeople(as(role)));
      expect(navFor(as(role)).some((e) => e.to === '/webhooks')).toBe(canSeeWebhooks(as(role)));
    }
  });
});
