import { History } from '../testing/history';
import { ForumHistory } from '../testing/forum-history';
import { forumRow } from './forum-row';

describe('forumRow (pure event → forum_events row)', () => {
  const given = () => {
    const h = new History('b0000000-0000-4000-8000-000000000001', new Date('2026-03-01T00:00:00.000Z'));
    return { h, f: new ForumHistory(h, 'f0000000-0000-4000-8000-000000000001') };
  };

  it('maps forum.created with its name and time', () => {
    const { f } = given();
    const e = f.created(2, 'Quarterly kill review');
    expect(forumRow(e)).toMatchObject({
      position: 1, event_id: e.id, forum_id: f.forumId, proposal_id: '', type: 'forum.created', actor_id: 'lena',
      occurred_at: '2026-03-03 00:00:00.000', decided_at: '2026-03-03 00:00:00.000', name: 'Quarterly kill review',
    });
  });

  it('maps a member joining with the member id', () => {
    const { f } = given();
    expect(forumRow(f.join(1, 'mia'))).toMatchObject({ type: 'forum.member-joined', member_id: 'mia', name: '' });
  });

  it('maps proposal.opened with item, backlog and the automatic-nomination flag', () => {
    const { f, h } = given();
    const proposalId = f.open(3, { itemId: 'i-1', automatic: true });
    const row = forumRow(h.events[h.events.length - 1])!;
    expect(row).toMatchObject({ proposal_id: proposalId, item_id: 'i-1', backlog_id: h.backlogId, nominated_automatically: 1, actor_id: 'scheduler' });
  });

  it('maps a vote with member and choice', () => {
    const { f } = given();
    expect(forumRow(f.vote(4, 'p-1', 'mia', 'keep'))).toMatchObject({ proposal_id: 'p-1', member_id: 'mia', choice: 'keep', outcome: '' });
  });

  it('maps proposal.closed: outcome, tally, and decided_at from closedAt while occurred_at is when it was recorded', () => {
    const { f } = given();
    const e = f.close(10, 'p-1', 'kill', { kill: 3, keep: 1, abstain: 1, members: 6 }, 9.5);
    expect(forumRow(e)).toMatchObject({
      type: 'proposal.closed', outcome: 'kill', tally_kill: 3, tally_keep: 1, tally_abstain: 1, votes_cast: 5, members: 6,
      occurred_at: '2026-03-11 00:00:00.000', decided_at: '2026-03-10 12:00:00.000', choice: '',
    });
  });

  it('prefers metadata.occurredAt (imports) over recordedAt', () => {
    const { f } = given();
    const e = f.withdraw(5, 'p-1');
    const imported = { ...e, metadata: { ...e.metadata, occurredAt: '2025-12-24T10:00:00.000Z' } };
    expect(forumRow(imported)).toMatchObject({ occurred_at: '2025-12-24 10:00:00.000', decided_at: '2025-12-24 10:00:00.000' });
  });

  it('ignores events that name no forum (reason amended) and events that are not forum events', () => {
    const { f, h } = given();
    expect(forumRow(f.amend(1, 'p-1'))).toBeNull();
    h.created(0);
    expect(forumRow(h.events[h.events.length - 1])).toBeNull();
  });

  it('is deterministic: the same event gives the same row (idempotent re-projection)', () => {
    const { f } = given();
    const e = f.close(10, 'p-1', 'no-quorum', { kill: 1, members: 5 });
    expect(forumRow(structuredClone(e))).toEqual(forumRow(e));
  });
});
