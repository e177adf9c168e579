import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import { parsePeriod, periodQuery, type Period } from '../../app/period';
import type { RoutePrefetch } from '../../app/routes';

type Schemas = components['schemas'];
/** GET /backlogs/:id/analytics/zombies */
export type ZombieReport = Schemas['ZombieReportDto'];
export type Zombie = ZombieReport['zombies'][number];
/** GET /backlogs/:id/analytics/trend */
export type TrendReport = Schemas['TrendReportDto'];
export type TrendMetric = TrendReport['metric'];
export type ZombieTrendPoint = Schemas['ZombieTrendPointDto'];
/** GET /forums */
export type ForumSummary = Schemas['ForumSummaryDto'];
/** GET /proposals */
export type ProposalRow = Schemas['ProposalRowDto'];

export const zombieKeys = {
  // The same key as the backlog screen's zombie badges: one cache entry, refreshed together.
  report: (id: string, at: string | null) => ['zombies', id, at] as const,
  trend: (id: string, metric: TrendMetric, at: string | null, p: Period) => ['trend', id, metric, at, p.from, p.to] as const,
  forums: (backlogId: string) => ['forums', { backlogId }] as const,
  openProposals: (forumId: string) => ['proposals', forumId, 'open'] as const,
};

const reportQuery = (backlogId: string, at: string | null) =>
  queryOptions({
    queryKey: zombieKeys.report(backlogId, at),
    queryFn: async () =>
      (await unwrap<ZombieReport>(api.GET('/backlogs/{backlogId}/analytics/zombies', { params: { path: { backlogId }, query: { at: at ?? undefined } } }))).data,
  });

/** GET …/analytics/trend: weekly points over the period (each computed as of the end of its week). */
export const trendQuery = (backlogId: string, metric: TrendMetric, at: string | null, period: Period) =>
  queryOptions({
    queryKey: zombieKeys.trend(backlogId, metric, at, period),
    queryFn: async () =>
      (
        await unwrap<TrendReport>(
          api.GET('/backlogs/{backlogId}/analytics/trend', { params: { path: { backlogId }, query: { metric, every: 'week', at: at ?? undefined, ...periodQuery(period) } } }),
        )
      ).data,
  });

/** The report and its trend, with the route. */
export const prefetchZombies: RoutePrefetch = ({ client, params, search }) => {
  const backlogId = params.backlogId ?? '';
  void client.prefetchQuery(reportQuery(backlogId, parseAt(search)));
  void client.prefetchQuery(trendQuery(backlogId, 'zombies', parseAt(search), parsePeriod(search)));
};

export function useZombieReport(backlogId: string, at: string | null) {
  return useQuery(reportQuery(backlogId, at));
}

/** A weekly trend, its points typed as the metric's (`P`). */
export function useTrend<P>(backlogId: string, metric: TrendMetric, at: string | null, period: Period) {
  return useQuery({ ...trendQuery(backlogId, metric, at, period), select: (r) => ({ ...r, points: r.points as P[] }) });
}

/**
 * The forums that review this backlog (a kill proposal on its items goes to one of them), as far as the viewer may
 * read them. Asked only when a proposal could be offered (`enabled`): the list loads each forum it returns.
 */
export function useForums(backlogId: string, enabled: boolean) {
  return useQuery({
    queryKey: zombieKeys.forums(backlogId),
    queryFn: async () => (await unwrap<Schemas['ForumListDto']>(api.GET('/forums', { params: { query: { backlogId } } }))).data.forums,
    staleTime: 60_000,
    enabled,
  });
}

/** The open proposals of these forums (an item has at most one open proposal). */
export function useOpenProposals(forumIds: string[]) {
  return useQueries({
    queries: forumIds.map((forumId) => ({
      queryKey: zombieKeys.openProposals(forumId),
      queryFn: async () =>
        (await unwrap<Schemas['ProposalListDto']>(api.GET('/proposals', { params: { query: { forumId, status: 'open', limit: 1000 } } }))).data.proposals,
    })),
  });
}

/** POST /forums/:id/proposals: a new proposal has no revision yet, so no If-Match (the item's slot claim is the check). */
export async function proposeKill(forumId: string, itemId: string, reason: string) {
  return unwrap<Schemas['DecisionResponseDto']>(api.POST('/forums/{forumId}/proposals', { params: { path: { forumId } }, body: { itemId, reason } }));
}

/** After a proposal: the open proposals, the item (its timeline lists proposals) and the forums' counts. */
export function useRefreshProposals() {
  const client = useQueryClient();
  return (itemId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['proposals'] }),
      client.invalidateQueries({ queryKey: ['forums'] }),
      client.invalidateQueries({ queryKey: ['item', itemId] }),
    ]);
}
