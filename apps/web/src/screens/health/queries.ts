import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';
import { trendQuery } from '../zombies/queries';

type Schemas = components['schemas'];
/** GET /backlogs/:id/analytics/health */
export type HealthReport = Schemas['HealthReportDto'];
export type SizeTrendPoint = Schemas['SizeTrendPointDto'];
/** GET /backlogs/:id (its policy) */
export type BacklogWithPolicy = Schemas['BacklogViewDto'];

/** The report, the size trend and the backlog (its policy), with the route. */
export const prefetchHealth: RoutePrefetch = ({ client, params, search }) => {
  const backlogId = params.backlogId ?? '';
  void client.prefetchQuery(healthQuery(backlogId, parseAt(search), parsePeriod(search)));
  void client.prefetchQuery(trendQuery(backlogId, 'size-in-sprints', parseAt(search), parsePeriod(search)));
  void client.prefetchQuery(backlogPolicyQuery(backlogId));
};

export function useHealth(backlogId: string, at: string | null, period: Period) {
  return useQuery(healthQuery(backlogId, at, period));
}

const healthQuery = (backlogId: string, at: string | null, period: Period) =>
  queryOptions({
    queryKey: ['health', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<HealthReport>(
          api.GET('/backlogs/{backlogId}/analytics/health', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });

/** The backlog with its policy: the same query (key and call) as the backlog screen's, typed by the API's schema. */
export function useBacklogPolicy(backlogId: string) {
  return useQuery(backlogPolicyQuery(backlogId));
}

const backlogPolicyQuery = (backlogId: string) =>
  queryOptions({
    queryKey: ['backlog', backlogId],
    queryFn: async () => (await unwrap<BacklogWithPolicy>(api.GET('/backlogs/{backlogId}', { params: { path: { backlogId } } }))).data,
  });
