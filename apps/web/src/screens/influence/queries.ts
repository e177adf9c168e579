import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { periodQuery, type Period } from '../../app/period';

/** GET /backlogs/:id/analytics/influence */
export type InfluenceReport = components['schemas']['InfluenceReportDto'];
export type StakeholderInfluence = InfluenceReport['stakeholders'][number];

export function useInfluence(backlogId: string, at: string | null, period: Period) {
  return useQuery({
    queryKey: ['influence', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<InfluenceReport>(
          api.GET('/backlogs/{backlogId}/analytics/influence', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
}
