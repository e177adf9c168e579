import { DEFAULT_FORUM_RULE, type ForumRule } from './forum.events';

export interface ForumState {
  exists: boolean;
  forumId: string | null;
  name: string;
  backlogIds: string[];
  rule: ForumRule;
  /** Current members (token subjects), in joining order. */
  members: string[];
}

export const initialForumState: ForumState = {
  exists: false,
  forumId: null,
  name: '',
  backlogIds: [],
  rule: DEFAULT_FORUM_RULE,
  members: [],
};

export function isMember(forum: Pick<ForumState, 'members'>, memberId: string): boolean {
  return forum.members.includes(memberId);
}
