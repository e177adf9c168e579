import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type ForumView = components['schemas']['ForumViewDto'];
export type ForumRule = components['schemas']['ForumRuleViewDto'];
export type ForumReport = components['schemas']['ForumReportDto'];

export const forumKeys = {
  forum: (id: string) => ['forum', id] as const,
  analytics: (id: string, at: string | null, days: number) => ['forum', id, 'analytics', at, days] as const,
};

/** GET /forums/:id with its ETag: scope, rule, members (who votes), open proposals, next nomination. */
export function useForum(forumId: string) {
  return useQuery({
    queryKey: forumKeys.forum(forumId),
    queryFn: () => unwrap<ForumView>(api.GET('/forums/{forumId}', { params: { path: { forumId } } })),
  });
}

const DAY = 86_400_000;

/** GET /forums/:id/analytics over the `days` before `at` (now when null). */
export function useForumAnalytics(forumId: string, at: string | null, days: number) {
  return useQuery({
    queryKey: forumKeys.analytics(forumId, at, days),
    queryFn: async () => {
      const to = at ?? new Date().toISOString();
      const from = new Date(Date.parse(to) - days * DAY).toISOString();
      const query = { from, ...(at ? { at, to } : {}) };
      return (await unwrap<ForumReport>(api.GET('/forums/{forumId}/analytics', { params: { path: { forumId }, query } }))).data;
    },
  });
}

export type DelegationList = components['schemas']['DelegationListDto'];
export type Delegation = DelegationList['delegations'][number];

/** GET /forums/:id/delegations?at=: every delegation granted in the forum, with its status as of `at` (now when null). */
export function useDelegations(forumId: string, at: string | null) {
  return useQuery({
    queryKey: ['forum', forumId, 'delegations', at] as const,
    queryFn: async () => (await unwrap<DelegationList>(api.GET('/forums/{forumId}/delegations', { params: { path: { forumId }, query: { at: at ?? undefined } } }))).data,
  });
}
