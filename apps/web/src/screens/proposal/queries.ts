import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type ProposalView = components['schemas']['ProposalViewDto'];
export type VoteChoice = components['schemas']['CastVoteRequestDto']['choice'];

export const proposalKeys = {
  proposal: (id: string) => ['proposal', id] as const,
};

/** An open proposal is re-read this often: other members' votes move the tally. */
export const OPEN_REFETCH_MS = 30_000;

/** GET /proposals/:id with its ETag (the revision a decision sends back as If-Match). */
export function useProposal(proposalId: string) {
  return useQuery({
    queryKey: proposalKeys.proposal(proposalId),
    queryFn: () => unwrap<ProposalView>(api.GET('/proposals/{proposalId}', { params: { path: { proposalId } } })),
    refetchInterval: (q) => (q.state.data?.data.status === 'open' ? OPEN_REFETCH_MS : false),
  });
}

const params = (proposalId: string, ifMatch: string) => ({ path: { proposalId }, header: { 'If-Match': ifMatch } });

/** POST /proposals/:id/votes: a later vote replaces the earlier one. */
export function castVote(proposalId: string, ifMatch: string, body: { choice: VoteChoice; reason: string }) {
  return unwrap(api.POST('/proposals/{proposalId}/votes', { params: params(proposalId, ifMatch), body }));
}

export function withdraw(proposalId: string, ifMatch: string, body: Record<string, unknown>) {
  return unwrap(api.POST('/proposals/{proposalId}/withdraw', { params: params(proposalId, ifMatch), body: body as never }));
}

export function extendDeadline(proposalId: string, ifMatch: string, body: Record<string, unknown>) {
  return unwrap(api.POST('/proposals/{proposalId}/extend', { params: params(proposalId, ifMatch), body: body as never }));
}

export function amendReason(proposalId: string, ifMatch: string, body: Record<string, unknown>) {
  return unwrap(api.PUT('/proposals/{proposalId}/reason', { params: params(proposalId, ifMatch), body: body as never }));
}

/** After a decision on a proposal: it, the lists, its forum and its item read again. */
export function useRefreshProposal(p: Pick<ProposalView, 'id' | 'forumId' | 'itemId'>) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: proposalKeys.proposal(p.id) }),
      client.invalidateQueries({ queryKey: ['proposals'] }),
      client.invalidateQueries({ queryKey: ['forum', p.forumId] }),
      client.invalidateQueries({ queryKey: ['forums'] }),
      client.invalidateQueries({ queryKey: ['item', p.itemId] }),
    ]);
}
