import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';

/** GET /backlogs/:id/analytics/against-score (docs/metrics-decision-quality.md). */
export type AgainstScoreReport = components['schemas']['AgainstScoreReportDto'];
export type AgainstScoreDecision = AgainstScoreReport['decisions'][number];

export const prefetchAgainstScore: RoutePrefetch = ({ client, params, search }) => {
  void client.prefetchQuery(againstScoreQuery(params.backlogId ?? '', parseAt(search), parsePeriod(search)));
};

export function useAgainstScore(backlogId: string, at: string | null, period: Period) {
  return useQuery(againstScoreQuery(backlogId, at, period));
}

const againstScoreQuery = (backlogId: string, at: string | null, period: Period) =>
  queryOptions({
    queryKey: ['against-score', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<AgainstScoreReport>(
          api.GET('/backlogs/{backlogId}/analytics/against-score', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
