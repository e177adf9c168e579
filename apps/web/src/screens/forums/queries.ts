import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { itemKeys, type ItemView } from '../item/queries';
import { proposalKeys, type ProposalView } from '../proposal/queries';

export type ForumSummary = components['schemas']['ForumSummaryDto'];
export type ProposalRow = components['schemas']['ProposalRowDto'];
export type ProposalStatus = ProposalRow['status'];
export type BacklogSummary = components['schemas']['BacklogSummaryDto'];

export const forumsKeys = {
  forums: ['forums'] as const,
  /** Every proposal list starts with 'proposals' (a decision invalidates them all). */
  proposals: (status: ProposalStatus, forumId: string | null) => ['proposals', status, forumId] as const,
  backlogs: ['backlogs'] as const,
};

/** GET /forums: the forums the caller may read, by name. */
export function useForums() {
  return useQuery({
    queryKey: forumsKeys.forums,
    queryFn: async () => (await unwrap<components['schemas']['ForumListDto']>(api.GET('/forums'))).data.forums,
  });
}

const PAGE = 1000;

/** GET /proposals by status (and forum), every page: the API lists oldest first, pages of at most 1,000. */
export function useProposals(status: ProposalStatus, forumId: string | null = null, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: forumsKeys.proposals(status, forumId),
    queryFn: async () => {
      const rows: ProposalRow[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const query = { status, limit: PAGE, offset, ...(forumId ? { forumId } : {}) };
        const page = (await unwrap<components['schemas']['ProposalListDto']>(api.GET('/proposals', { params: { query } }))).data;
        rows.push(...page.proposals);
        if (page.proposals.length < PAGE) return rows;
      }
    },
    refetchInterval: opts.refetchInterval,
  });
}

/** GET /proposals/:id for each (tally, votes, reason): shares the cache of the proposal screen. */
export function useProposalDetails(ids: readonly string[], refetchInterval?: number) {
  return useQueries({
    queries: ids.map((proposalId) => ({
      queryKey: proposalKeys.proposal(proposalId),
      queryFn: () => unwrap<ProposalView>(api.GET('/proposals/{proposalId}', { params: { path: { proposalId } } })),
      refetchInterval,
    })),
  });
}

/** GET /items/:id for each (titles, the kill): shares the cache of the item screen. */
export function useItems(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((itemId) => ({
      queryKey: itemKeys.item(itemId),
      queryFn: () => unwrap<ItemView>(api.GET('/items/{itemId}', { params: { path: { itemId } } })),
    })),
  });
}

/** GET /backlogs: names for the forums' scopes, and the choices of a forum's scope. */
export function useBacklogs() {
  return useQuery({
    queryKey: forumsKeys.backlogs,
    queryFn: async () => (await unwrap<components['schemas']['BacklogListDto']>(api.GET('/backlogs'))).data.backlogs,
  });
}

/** After a forum or proposal decision: everything that shows forums and proposals reads again. */
export function useRefreshForums() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['forums'] }),
      client.invalidateQueries({ queryKey: ['forum'] }),
      client.invalidateQueries({ queryKey: ['proposals'] }),
      client.invalidateQueries({ queryKey: ['proposal'] }),
    ]);
}
