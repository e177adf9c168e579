import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';

/** GET /backlogs/:id/analytics/calibration (docs/metrics-decision-quality.md). */
export type CalibrationReport = components['schemas']['CalibrationReportDto'];
export type CalibratedItem = CalibrationReport['overdue'][number];

export const prefetchCalibration: RoutePrefetch = ({ client, params, search }) => {
  void client.prefetchQuery(calibrationQuery(params.backlogId ?? '', parseAt(search), parsePeriod(search)));
};

export function useCalibration(backlogId: string, at: string | null, period: Period) {
  return useQuery(calibrationQuery(backlogId, at, period));
}

const calibrationQuery = (backlogId: string, at: string | null, period: Period) =>
  queryOptions({
    queryKey: ['calibration', backlogId, at, period.from, period.to],
    queryFn: async () =>
      (
        await unwrap<CalibrationReport>(
          api.GET('/backlogs/{backlogId}/analytics/calibration', { params: { path: { backlogId }, query: { at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });
