import type { RecordedEvent } from '@ledger/kernel';
import { backlogRowChange, entryRow, escalationRowChange, ownerRow } from './ledger-index.projection';

let position = 0;
function event(type: string, data: Record<string, unknown>, actor = { id: 'lena', role: 'product-leader' }, extra: Partial<RecordedEvent> = {}): RecordedEvent {
  position += 1;
  return {
    id: `event-${position}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor, correlationId: 'c', causationId: null } as RecordedEvent['metadata'],
    streamId: 's',
    revision: 0,
    position,
    recordedAt: '2026-02-01T10:00:00.000Z',
    hash: 'h',
    prevHash: 'p',
    ...extra,
  } as RecordedEvent;
}

describe('read-model projection: backlogs, owners, escalations (pure event → row)', () => {
  it('a backlog row from backlog.created (when it occurred, by whom), the goal from product-goal-changed, the revision from every backlog event', () => {
    const created = event('backlog.created', { backlogId: 'b', name: 'Checkout', productGoal: 'Pay in one tap' }, undefined, {
      metadata: { actor: { id: 'lena', role: 'product-leader' }, correlationId: 'c', causationId: null, occurredAt: '2025-03-01T00:00:00.000Z' },
    });
    expect(backlogRowChange(created)).toEqual({
      backlogId: 'b',
      revision: 0,
      position: created.position,
      insert: { name: 'Checkout', productGoal: 'Pay in one tap', createdAt: '2025-03-01T00:00:00.000Z', createdBy: 'lena', createdByRole: 'product-leader' },
    });
    const goal = event('backlog.product-goal-changed', { backlogId: 'b', productGoal: 'Pay with a glance' }, undefined, { revision: 1 });
    expect(backlogRowChange(goal)).toEqual({ backlogId: 'b', revision: 1, position: goal.position, productGoal: 'Pay with a glance' });
    expect(backlogRowChange(event('backlog.policy-changed', { backlogId: 'b' }, undefined, { revision: 2 }))).toMatchObject({ revision: 2 });
    expect(backlogRowChange(event('item.added', { backlogId: 'b', itemId: 'i' }))).toBeNull();
  });

  it("owners: the creator, and product owners by any decision on the backlog; nobody else", () => {
    const created = entryRow(event('backlog.created', { backlogId: 'b', name: 'n', productGoal: 'g' }, { id: 'ada', role: 'admin' }));
    expect(ownerRow(created)).toEqual({ backlogId: 'b', actorId: 'ada', role: 'admin', since: '2026-02-01T10:00:00.000Z', position: created.position });
    const byOwner = entryRow(event('item.started', { backlogId: 'b', itemId: 'i' }, { id: 'olga', role: 'product-owner' }));
    expect(ownerRow(byOwner)).toMatchObject({ backlogId: 'b', actorId: 'olga', role: 'product-owner' });
    expect(ownerRow(entryRow(event('item.started', { backlogId: 'b', itemId: 'i' }, { id: 'lena', role: 'product-leader' })))).toBeNull();
    expect(ownerRow(entryRow(event('item.escalated', { backlogId: 'b', itemId: 'i' }, { id: 'sam', role: 'stakeholder' })))).toBeNull();
    expect(ownerRow(entryRow(event('forum.member-joined', { forumId: 'f' }, { id: 'olga', role: 'product-owner' })))).toBeNull();
  });

  it('escalations: raised (by the actor), resolved (outcome, by, rationale), and the change an overturn caused', () => {
    const raised = event('item.escalated', {
      itemId: 'i', backlogId: 'b', escalationId: 'x', againstEventId: 'd1', againstEventType: 'item.killed', wanted: 'w', reason: 'r', addressedTo: null,
    }, { id: 'sam', role: 'stakeholder' });
    expect(escalationRowChange(raised)).toEqual({
      kind: 'raised', escalationId: 'x', itemId: 'i', backlogId: 'b', eventId: raised.id, position: raised.position, raisedBy: 'sam', raisedByRole: 'stakeholder',
      raisedAt: '2026-02-01T10:00:00.000Z', againstEventId: 'd1', againstEventType: 'item.killed', wanted: 'w', reason: 'r', addressedTo: null,
    });
    const resolved = event('item.escalation-resolved', { itemId: 'i', backlogId: 'b', escalationId: 'x', outcome: 'overturned', rationale: 'why' });
    expect(escalationRowChange(resolved)).toEqual({
      kind: 'resolved', escalationId: 'x', outcome: 'overturned', eventId: resolved.id, by: 'lena', byRole: 'product-leader', at: '2026-02-01T10:00:00.000Z', rationale: 'why',
    });
    const revived = event('item.revived', { itemId: 'i', backlogId: 'b', escalationId: 'x', position: 4, trigger: 'escalation' });
    expect(escalationRowChange(revived)).toEqual({ kind: 'changed', escalationId: 'x', eventId: revived.id, type: 'item.revived', fromPosition: null, toPosition: 4 });
    const moved = event('item.reprioritized', { itemId: 'i', backlogId: 'b', escalationId: 'x', fromPosition: 1, toPosition: 3 });
    expect(escalationRowChange(moved)).toMatchObject({ kind: 'changed', fromPosition: 1, toPosition: 3 });
    // A routine move (no escalation) changes no escalation.
    expect(escalationRowChange(event('item.reprioritized', { itemId: 'i', backlogId: 'b', escalationId: null, fromPosition: 1, toPosition: 3 }))).toBeNull();
  });
});
