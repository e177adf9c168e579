import { inboxForums, recentlyClosed, sortInbox } from './inbox';

const forums = [
  { id: 'f1', name: 'Checkout review', members: ['mia', 'max'] },
  { id: 'f2', name: 'Search review', members: ['nora'] },
];
const row = (id: string, forumId: string, closesAt: string, status = 'open', closedAt: string | null = null) => ({ id, forumId, status, closesAt, closedAt });

describe('the forum inbox', () => {
  it("covers the forums I belong to, or every forum I may see when I belong to none or ask for all", () => {
    expect(inboxForums(forums, 'mia', false)).toEqual({ forums: [forums[0]], mine: true });
    expect(inboxForums(forums, 'mia', true)).toEqual({ forums, mine: false });
    expect(inboxForums(forums, 'lena', false)).toEqual({ forums, mine: false });
  });

  it('puts the proposals waiting for my vote first, then the soonest deadline', () => {
    const entries = [
      { row: row('a', 'f1', '2026-03-01T00:00:00Z'), canVote: true, voted: true },
      { row: row('b', 'f1', '2026-03-05T00:00:00Z'), canVote: true, voted: false },
      { row: row('c', 'f2', '2026-02-01T00:00:00Z'), canVote: false, voted: false },
      { row: row('d', 'f1', '2026-03-03T00:00:00Z'), canVote: true, voted: false },
      { row: row('e', 'f1', '2026-01-01T00:00:00Z'), canVote: true, voted: null },
    ];
    expect(sortInbox(entries).map((e) => e.row.id)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });

  it('lists the latest decided proposals of the covered forums, newest first, at most `limit`', () => {
    const rows = [
      row('old', 'f1', '2026-01-08T00:00:00Z', 'closed', '2026-01-08T00:00:05Z'),
      row('new', 'f1', '2026-02-08T00:00:00Z', 'closed', '2026-02-08T00:00:05Z'),
      row('gone', 'f1', '2026-03-08T00:00:00Z', 'withdrawn', '2026-01-20T00:00:00Z'),
      row('other', 'f2', '2026-03-08T00:00:00Z', 'closed', '2026-03-08T00:00:05Z'),
      row('open', 'f1', '2026-04-08T00:00:00Z'),
    ];
    expect(recentlyClosed(rows, new Set(['f1']), 10).map((r) => r.id)).toEqual(['new', 'gone', 'old']);
    expect(recentlyClosed(rows, new Set(['f1', 'f2']), 2).map((r) => r.id)).toEqual(['other', 'new']);
  });
});
