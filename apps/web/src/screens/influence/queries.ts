import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';

/** GET /backlogs/:id/analytics/influence */
export type InfluenceReport = components['schemas']['InfluenceReportDto'];
export type StakeholderInfluence = InfluenceReport['stakeholders'][number];

export const prefetchInfluence: RoutePrefetch = ({ client, params, search }) => {
  void client.prefetchQuery(influenceQuery(params.backlogId ?? '', parseAt(search), parsePeriod(search)));
};

export function useInfluence(backlogId: string, at: string | null, period: Period) {
  return useQuery(influenceQuery(backlogId, at, period));
}

const influenceQuery = (backlogId: string, at: string | null, period: Period) =>
  queryOptions({
    queryKey: ['influence', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<InfluenceReport>(
          api.GET('/backlogs/{backlogId}/analytics/influence', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
