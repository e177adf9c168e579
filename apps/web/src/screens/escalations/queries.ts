import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { EscalationPage } from './views';

const PAGE = 50;

/**
 * GET /escalations, newest first, a page at a time ("Show older" follows `nextCursor`). Read again whenever the screen
 * opens: escalations are raised and resolved on the item screen.
 */
export function useEscalations(query: { raisedBy?: string; status?: 'open'; backlogId?: string }) {
  return useInfiniteQuery({
    queryKey: ['escalations', query],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await unwrap<EscalationPage>(api.GET('/escalations', { params: { query: { ...query, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } }))).data,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}
