import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** GET /analytics/portfolio (typed by hand until the API documents its response schema). */
export interface PortfolioRow {
  backlogId: string;
  openItems: number;
  zombies: number;
  sizeInSprints: number | null;
  verdict: 'too-small' | 'healthy' | 'too-large' | 'unknown';
  reversalRate: number | null;
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

export function usePortfolio(at: string | null) {
  return useQuery({
    queryKey: portfolioKey(at),
    queryFn: async () => (await unwrap<Portfolio>(api.GET('/analytics/portfolio', { params: { query: { at: at ?? undefined } } }))).data,
  });
}

/** Each backlog's name and goal (GET /backlogs/:id; the shared 'backlog' query the backlog screen reads too). */
export function useBacklogSummaries(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['backlog', id],
      queryFn: async () => (await unwrap<BacklogSummary>(api.GET('/backlogs/{backlogId}', { params: { path: { backlogId: id } } }))).data,
      staleTime: 60_000,
    })),
  });
}
