import { canProposeKill, type Role, type Session } from '../../app/roles';

const as = (role: Role, sub = `${role}-1`, backlogs: string[] = []): Session => ({ sub, role, backlogs });
const forum = { backlogIds: ['b1', 'b2'], members: ['maria', 'audrey'] };

describe('who may propose a kill (mirrors the proposal decider)', () => {
  it('product leaders and admins, in any forum that reviews the backlog', () => {
    expect(canProposeKill(as('product-leader'), 'b1', forum)).toBe(true);
    expect(canProposeKill(as('admin'), 'b2', forum)).toBe(true);
  });

  it("only in a forum whose scope holds the item's backlog", () => {
    expect(canProposeKill(as('product-leader'), 'b3', forum)).toBe(false);
    expect(canProposeKill(as('forum-member', 'maria'), 'b3', forum)).toBe(false);
  });

  it("the forum's members, whatever their role; other forum members not", () => {
    expect(canProposeKill(as('forum-member', 'maria'), 'b1', forum)).toBe(true);
    expect(canProposeKill(as('stakeholder', 'maria'), 'b1', forum)).toBe(true);
    expect(canProposeKill(as('forum-member', 'fred'), 'b1', forum)).toBe(false);
  });

  it('a product owner of the backlog (named in the session), not of another one', () => {
    expect(canProposeKill(as('product-owner', 'otto', ['b1']), 'b1', forum)).toBe(true);
    expect(canProposeKill(as('product-owner', 'otto', ['b9']), 'b1', forum)).toBe(false);
  });

  it('never an auditor, not even one who sits in the forum; never a stakeholder outside it', () => {
    expect(canProposeKill(as('auditor', 'audrey'), 'b1', forum)).toBe(false);
    expect(canProposeKill(as('auditor'), 'b1', forum)).toBe(false);
    expect(canProposeKill(as('stakeholder', 'sam', ['b1']), 'b1', forum)).toBe(false);
  });
});
