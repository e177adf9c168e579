import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { RoutePrefetch } from '../../app/routes';

type Schemas = components['schemas'];
export type KillCriteria = Schemas['KillCriteriaDto'];
export type KillCriteriaCheck = Schemas['KillCriteriaCheckDto'];
export type ScoreCheck = Schemas['ScoreCheckDto'];

/** GET /items/:id (typed by hand until the API documents its response schema); ETag = revision. */
export interface ItemView {
  id: string;
  backlogId: string;
  status: 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';
  position: number | null;
  title: string;
  kind: string | null;
  hypothesis: string | null;
  objectiveId: string | null;
  estimate: number | null;
  requestedBy: string | null;
  killCriteria: KillCriteria | null;
  /** The item's score inputs now, and the score its latest decision froze (ADR 0033). */
  scoreInputs: Schemas['ScoreInputsViewDto'];
  scoring: Schemas['LatestScoreDto'] | null;
  kill: { reason: string; via: 'owner' | 'forum'; proposalId: string | null; decidedBy: string } | null;
  antiBacklogReason: string | null;
  escalations: Escalation[];
  outcomes: { objectiveId: string; observedValue: string; moved: boolean }[];
  revision: number;
}

export interface Escalation {
  escalationId: string;
  eventId: string;
  againstEventId: string;
  againstEventType: string;
  raisedBy: string | null;
  wanted: string;
  reason: string;
  addressedTo: string | null;
  status: 'open' | 'upheld' | 'overturned';
  resolutionEventId: string | null;
}

export interface HistoryEntry {
  position: number;
  eventId: string;
  type: string;
  decision: string;
  actor: { id: string; role: string };
  recordedAt: string;
  occurredAt: string;
  rationale: string | null;
  trigger: string | null;
  fromPosition: number | null;
  toPosition: number | null;
  escalationId: string | null;
  /** The score this decision froze (null: recorded before scores were frozen). */
  scoring: Schemas['FrozenScoreDto'] | null;
  /** Moves: the open items passed over against the score (null: not judged). */
  scoreCheck: ScoreCheck | null;
  data: Record<string, unknown>;
}

export interface Vote {
  eventId: string;
  memberId: string;
  choice: 'kill' | 'keep' | 'abstain';
  reason: string;
  castAt: string;
  replacesPrevious: boolean;
  latest: boolean;
  counts: boolean;
}

export interface Proposal {
  id: string;
  forumId: string;
  status: string;
  reason: string;
  openedBy: string | null;
  openedAt: string | null;
  closesAt: string;
  outcome: string | null;
  closedAt: string | null;
  nominatedAutomatically: boolean;
  tally: { kill: number; keep: number; abstain: number; votesCast: number; members: number; delegated: number };
  votes: Vote[];
}

export interface ItemHistory {
  itemId: string;
  backlogId: string;
  entries: HistoryEntry[];
  proposals: Proposal[];
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBreak: { streamId: string; revision: number; position: number; problem: string } | null;
  checkedAt: string;
}

export const itemKeys = {
  item: (id: string) => ['item', id] as const,
  history: (id: string) => ['item', id, 'history'] as const,
};

const itemQuery = (itemId: string) =>
  queryOptions({
    queryKey: itemKeys.item(itemId),
    queryFn: () => unwrap<ItemView>(api.GET('/items/{itemId}', { params: { path: { itemId } } })),
  });

const historyQuery = (itemId: string) =>
  queryOptions({
    queryKey: itemKeys.history(itemId),
    queryFn: async () => (await unwrap<ItemHistory>(api.GET('/items/{itemId}/history', { params: { path: { itemId } } }))).data,
  });

/** The item and its timeline, both at once with the route (not the timeline once the item arrived). */
export const prefetchItem: RoutePrefetch = ({ client, params }) => {
  void client.prefetchQuery(itemQuery(params.itemId ?? ''));
  void client.prefetchQuery(historyQuery(params.itemId ?? ''));
};

export function useItem(itemId: string) {
  return useQuery(itemQuery(itemId));
}

export function useItemHistory(itemId: string) {
  return useQuery(historyQuery(itemId));
}

/** Recomputes every hash chain (heavy on a large ledger): run on demand. */
export function useVerify(enabled: boolean) {
  return useQuery({
    queryKey: ['audit-verify'],
    queryFn: async () => (await unwrap<VerifyReport>(api.GET('/audit/verify'))).data,
    enabled,
    staleTime: 60_000,
  });
}

export function useRefreshItem(itemId: string, backlogId: string | undefined) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['item', itemId] }),
      backlogId && client.invalidateQueries({ queryKey: ['backlog-items', backlogId] }),
      backlogId && client.invalidateQueries({ queryKey: ['zombies', backlogId] }),
      client.invalidateQueries({ queryKey: ['portfolio'] }),
    ]);
}
