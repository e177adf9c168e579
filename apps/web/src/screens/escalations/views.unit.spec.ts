import type { EscalationView, Session } from '../../app/roles';
import { escalationQuery, movement, statusText, viewOf, viewSearch } from './views';

const B = '0a1b2c3d-4e5f-4061-8723-94a5b6c7d8e9';
const owner: Session = { sub: 'otto', role: 'product-owner', backlogs: [B] };
const stella: Session = { sub: 'stella', role: 'stakeholder', backlogs: [] };
const DECIDER: EscalationView[] = ['open', 'all', 'mine'];

describe('lists of escalations', () => {
  it('opens the first list the person has, and only lists they have', () => {
    expect(viewOf('', DECIDER)).toEqual({ view: 'open', backlogId: null });
    expect(viewOf(`?view=all&backlogId=${B}`, DECIDER)).toEqual({ view: 'all', backlogId: B });
    expect(viewOf('?view=open', ['mine'])).toEqual({ view: 'mine', backlogId: null });
    expect(viewOf('?view=bogus&backlogId=nope', DECIDER)).toEqual({ view: 'open', backlogId: null });
    expect(viewOf(`?view=mine&backlogId=${B}`, DECIDER)).toEqual({ view: 'mine', backlogId: null });
    expect(viewOf('', [])).toBeNull();
  });

  it('keeps the list in the URL, the default left out; a round trip gives the same list', () => {
    expect(viewSearch('open', null, DECIDER)).toBe('');
    expect(viewSearch('all', B, DECIDER)).toBe(`?view=all&backlogId=${B}`);
    expect(viewSearch('mine', B, DECIDER)).toBe('?view=mine');
    expect(viewOf(viewSearch('all', B, DECIDER), DECIDER)).toEqual({ view: 'all', backlogId: B });
  });

  it('asks GET /escalations for my own, or the open ones of a backlog', () => {
    expect(escalationQuery('mine', null, stella)).toEqual({ raisedBy: 'stella' });
    expect(escalationQuery('open', B, owner)).toEqual({ status: 'open', backlogId: B });
    expect(escalationQuery('open', null, owner)).toEqual({ status: 'open' });
    expect(escalationQuery('all', null, owner)).toEqual({});
  });

  it('says how the ranking moved and how it ended', () => {
    expect(movement(7, 1)).toBe('#7 → #1');
    expect(movement(null, 7)).toBe('→ #7');
    expect(movement(3, null, 'item.killed')).toBe('#3 → out of the ranking');
    expect(movement(null, null)).toBeNull();
    expect(statusText({ status: 'overturned' })).toBe('Overturned: the decision changed');
    expect(statusText({ status: 'open' })).toMatch(/^Open/);
  });
});
