import { matches, type Subscriber } from './webhook-routing';

const sub = (over: Partial<Subscriber> = {}): Subscriber => ({ webhookId: 'w', events: ['proposal.opened', 'item.killed'], forumId: null, backlogIds: [], ...over });
const scopes: Record<string, string[]> = { 'f-1': ['b-1', 'b-2'] };
const forumBacklogs = (id: string) => scopes[id] ?? null;
const event = (type: string, data: Record<string, unknown>) => ({ type, data });

describe('webhook routing', () => {
  it('delivers only subscribed event types', () => {
    expect(matches(sub(), event('item.killed', { backlogId: 'b-9' }), forumBacklogs)).toBe(true);
    expect(matches(sub(), event('item.escalated', { backlogId: 'b-9' }), forumBacklogs)).toBe(false);
  });

  it("forum scope: that forum's proposals, and item events of the forum's backlogs", () => {
    const s = sub({ forumId: 'f-1' });
    expect(matches(s, event('proposal.opened', { forumId: 'f-1', backlogId: 'b-1' }), forumBacklogs)).toBe(true);
    expect(matches(s, event('proposal.opened', { forumId: 'f-2', backlogId: 'b-1' }), forumBacklogs)).toBe(false);
    expect(matches(s, event('item.killed', { backlogId: 'b-2' }), forumBacklogs)).toBe(true);
    expect(matches(s, event('item.killed', { backlogId: 'b-3' }), forumBacklogs)).toBe(false);
    expect(matches(sub({ forumId: 'f-unknown' }), event('item.killed', { backlogId: 'b-2' }), forumBacklogs)).toBe(false);
  });

  it('backlog filter applies to every event, and together with the forum scope', () => {
    const s = sub({ backlogIds: ['b-1'] });
    expect(matches(s, event('item.killed', { backlogId: 'b-1' }), forumBacklogs)).toBe(true);
    expect(matches(s, event('item.killed', { backlogId: 'b-2' }), forumBacklogs)).toBe(false);
    expect(matches(s, event('proposal.opened', { forumId: 'f-9', backlogId: 'b-2' }), forumBacklogs)).toBe(false);
    expect(matches(sub({ forumId: 'f-1', backlogIds: ['b-1'] }), event('item.killed', { backlogId: 'b-2' }), forumBacklogs)).toBe(false);
  });
});
