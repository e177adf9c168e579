import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';

type Schemas = components['schemas'];
/** GET /backlogs/:id/analytics/reversals */
export type ReversalReport = Schemas['ReversalReportDto'];
export type Reversal = ReversalReport['reversals'][number];
export type ReversalDecision = Schemas['ReversalDecisionDto'];

export const prefetchReversals: RoutePrefetch = ({ client, params, search }) => {
  void client.prefetchQuery(reversalsQuery(params.backlogId ?? '', parseAt(search), parsePeriod(search)));
};

export function useReversals(backlogId: string, at: string | null, period: Period) {
  return useQuery(reversalsQuery(backlogId, at, period));
}

const reversalsQuery = (backlogId: string, at: string | null, period: Period) =>
  queryOptions({
    queryKey: ['reversals', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<ReversalReport>(
          api.GET('/backlogs/{backlogId}/analytics/reversals', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
