/**
 * The inbox's logic (pure; unit-tested): which forums it covers, the order of the open proposals (those waiting for
 * my vote first, then the soonest deadline), and the recently closed ones.
 */
export interface ForumLike {
  id: string;
  members: readonly string[];
}

export interface ProposalRowLike {
  id: string;
  forumId: string;
  status: string;
  closesAt: string;
  closedAt: string | null;
}

/** My forums when I belong to any (and did not ask for all), else every forum I may read. */
export function inboxForums<F extends ForumLike>(forums: readonly F[], sub: string, all: boolean): { forums: F[]; mine: boolean } {
  const mine = forums.filter((f) => f.members.includes(sub));
  return mine.length > 0 && !all ? { forums: mine, mine: true } : { forums: [...forums], mine: false };
}

export interface InboxEntry<R extends ProposalRowLike> {
  row: R;
  /** I may vote on it (a member of its forum, not an auditor). */
  canVote: boolean;
  /** My vote stands on it; null while its details load. */
  voted: boolean | null;
}

/** Waiting for my vote first, then by deadline (soonest first), then by id for a stable order. */
export function sortInbox<R extends ProposalRowLike>(entries: readonly InboxEntry<R>[]): InboxEntry<R>[] {
  const waiting = (e: InboxEntry<R>) => (e.canVote && e.voted === false ? 0 : 1);
  return [...entries].sort(
    (a, b) => waiting(a) - waiting(b) || Date.parse(a.row.closesAt) - Date.parse(b.row.closesAt) || a.row.id.localeCompare(b.row.id),
  );
}

/** The `limit` most recently closed (or withdrawn) proposals of these forums, newest first. */
export function recentlyClosed<R extends ProposalRowLike>(rows: readonly R[], forumIds: ReadonlySet<string>, limit: number): R[] {
  return rows
    .filter((r) => forumIds.has(r.forumId) && r.status !== 'open')
    .sort((a, b) => Date.parse(b.closedAt ?? b.closesAt) - Date.parse(a.closedAt ?? a.closesAt) || a.id.localeCompare(b.id))
    .slice(0, limit);
}
