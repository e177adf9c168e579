import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { periodQuery, type Period } from '../../app/period';

type Schemas = components['schemas'];
/** GET /backlogs/:id/analytics/health */
export type HealthReport = Schemas['HealthReportDto'];
export type SizeTrendPoint = Schemas['SizeTrendPointDto'];
/** GET /backlogs/:id (its policy) */
export type BacklogWithPolicy = Schemas['BacklogViewDto'];

export function useHealth(backlogId: string, at: string | null, period: Period) {
  return useQuery({
    queryKey: ['health', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<HealthReport>(
          api.GET('/backlogs/{backlogId}/analytics/health', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
}

/** The backlog with its policy: the same query (key and call) as the backlog screen's, typed by the API's schema. */
export function useBacklogPolicy(backlogId: string) {
  return useQuery({
    queryKey: ['backlog', backlogId],
    queryFn: async () => (await unwrap<BacklogWithPolicy>(api.GET('/backlogs/{backlogId}', { params: { path: { backlogId } } }))).data,
  });
}
