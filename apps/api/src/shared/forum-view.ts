import type { RecordedEvent } from '@ledger/kernel';
import { forumDecider, type Evolvable, type ForumEvent, type ForumState } from '@ledger/domain';

/**
 * A review forum as the read side needs it (membership and backlog scope), folded with the forum decider's own
 * evolve so the webhook router and the forum analytics see exactly what the forum's decisions see.
 */
export type ForumView = ForumState;

/** Applies one event of a forum stream; null until `forum.created`. Other event types leave the view as it is. */
export function applyForumEvent(view: ForumView | null, e: Pick<RecordedEvent, 'id' | 'type' | 'data'>): ForumView | null {
  const next = forumDecider.evolve(view ?? forumDecider.initialState, e as unknown as Evolvable<ForumEvent>);
  return next.exists ? next : null;
}

export function forumView(events: readonly Pick<RecordedEvent, 'id' | 'type' | 'data'>[]): ForumView | null {
  return events.reduce<ForumView | null>(applyForumEvent, null);
}
