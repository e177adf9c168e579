import { NAV, navFor } from './nav';
import { canAddItem, canDecide, canEscalate, itemActions, ROLES, type Role, type Session } from './roles';
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
    expect(() => toSession({ sub: 'x', role: 'system', backlogs: [] })).toThrow('not a person with a role');
    expect(() => toSession(null)).toThrow();
  });
});
