import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** GET /analytics/portfolio (typed by hand until the API documents its response schema). */
export interface PortfolioRow {
  backlogId: string;
  name: string;
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

/** Each backlog's name and goal, by id: one GET /backlogs for the whole table (not one request per row). */
export function useBacklogSummaries(): Map<string, BacklogSummary> {
  const list = useQuery({
    queryKey: ['backlogs'],
    queryFn: async () => (await unwrap<{ backlogs: BacklogSummary[] }>(api.GET('/backlogs'))).data.backlogs,
    staleTime: 60_000,
  });
  return new Map((list.data ?? []).map((b) => [b.id, b]));
}
