import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { periodQuery, type Period } from '../../app/period';

type Schemas = components['schemas'];
/** GET /backlogs/:id/analytics/reversals */
export type ReversalReport = Schemas['ReversalReportDto'];
export type Reversal = ReversalReport['reversals'][number];
export type ReversalDecision = Schemas['ReversalDecisionDto'];

export function useReversals(backlogId: string, at: string | null, period: Period) {
  return useQuery({
    queryKey: ['reversals', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<ReversalReport>(
          api.GET('/backlogs/{backlogId}/analytics/reversals', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
}
