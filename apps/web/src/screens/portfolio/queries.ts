import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import type { RoutePrefetch } from '../../app/routes';

/** GET /analytics/portfolio (typed by hand until the API documents its response schema). */
export interface PortfolioRow {
  backlogId: string;
  name: string;
  openItems: number;
  zombies: number;
  sizeInSprints: number | null;
  verdict: 'too-small' | 'healthy' | 'too-large' | 'unknown';
  reversalRate: number | null;
  /** Reprioritizations against the score over the period (docs/metrics-decision-quality.md). */
  againstScore: components['schemas']['PortfolioAgainstScoreDto'];
}
export interface Portfolio {
  at: string;
  period: { from: string; to: string };
  backlogs: PortfolioRow[];
}

export interface BacklogSummary {
  id: string;
  name: string;
  productGoal: string;
}

export const portfolioKey = (at: string | null) => ['portfolio', at] as const;

const portfolioQuery = (at: string | null) =>
  queryOptions({
    queryKey: portfolioKey(at),
    queryFn: async () => (await unwrap<Portfolio>(api.GET('/analytics/portfolio', { params: { query: { at: at ?? undefined } } }))).data,
  });

const backlogsQuery = queryOptions({
  queryKey: ['backlogs'],
  queryFn: async () => (await unwrap<{ backlogs: BacklogSummary[] }>(api.GET('/backlogs'))).data.backlogs,
  staleTime: 60_000,
});

export const prefetchPortfolio: RoutePrefetch = ({ client, search }) => {
  void client.prefetchQuery(portfolioQuery(parseAt(search)));
  void client.prefetchQuery(backlogsQuery);
};

export function usePortfolio(at: string | null) {
  return useQuery(portfolioQuery(at));
}

/** Each backlog's name and goal, by id: one GET /backlogs for the whole table (not one request per row). */
export function useBacklogSummaries(): Map<string, BacklogSummary> {
  const list = useQuery(backlogsQuery);
  return new Map((list.data ?? []).map((b) => [b.id, b]));
}
