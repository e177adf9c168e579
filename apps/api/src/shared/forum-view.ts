import { ForbiddenError, NotFoundError, type RecordedEvent } from '@ledger/kernel';
import type { Principal } from '../auth/principal';

/**
 * What the read side needs of a review forum (membership and backlog scope), folded from its stream's events
 * (`forum.created`, `forum.member-joined`, `forum.member-left`, `forum.rule-changed`; pinned schema v1).
 * The forum decider is the authority on decisions; this view only answers "who may read" and "which backlogs".
 */
export interface ForumView {
  forumId: string;
  name: string;
  backlogIds: string[];
  members: Set<string>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Applies one event of a forum stream; null until `forum.created`. Other event types leave the view as it is. */
export function applyForumEvent(view: ForumView | null, e: Pick<RecordedEvent, 'type' | 'data'>): ForumView | null {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'forum.created':
      return { forumId: String(d.forumId ?? ''), name: typeof d.name === 'string' ? d.name : '', backlogIds: strings(d.backlogIds), members: new Set() };
    case 'forum.rule-changed':
      return view && Array.isArray(d.backlogIds) ? { ...view, backlogIds: strings(d.backlogIds) } : view;
    case 'forum.member-joined':
      if (!view || typeof d.memberId !== 'string') return view;
      return { ...view, members: new Set([...view.members, d.memberId]) };
    case 'forum.member-left': {
      if (!view || typeof d.memberId !== 'string') return view;
      const members = new Set(view.members);
      members.delete(d.memberId);
      return { ...view, members };
    }
    default:
      return view;
  }
}

export function forumView(events: readonly Pick<RecordedEvent, 'type' | 'data'>[]): ForumView | null {
  return events.reduce<ForumView | null>(applyForumEvent, null);
}

export function forumNotFound(forumId: string): NotFoundError {
  return new NotFoundError('FORUM.NOT_FOUND', `forum ${forumId} does not exist`, { forumId });
}

const READ_ANY_FORUM = new Set(['admin', 'product-leader', 'auditor']);

/** Admins, product leaders and auditors read every forum; anyone else only a forum they are a member of. */
export function assertCanReadForum(p: Principal, forum: ForumView): void {
  if (READ_ANY_FORUM.has(p.role) || forum.members.has(p.sub)) return;
  throw new ForbiddenError('AUTH.NOT_A_FORUM_MEMBER', `only members of forum ${forum.forumId} (and admins, product leaders, auditors) may read it`, {
    forumId: forum.forumId,
  });
}
