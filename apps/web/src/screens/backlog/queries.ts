import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { parseAt } from '../../app/as-of';
import type { RoutePrefetch } from '../../app/routes';

/** GET /backlogs/:id (typed by hand until the API documents its response schema). */
export interface BacklogView {
  id: string;
  name: string;
  productGoal: string;
  objectives: { objectiveId: string; title: string; metric: string; target: string | null; retired: boolean }[];
  rankedItems: number;
  /** The policy in force now; the scoring part is what item screens and forms need. */
  policy: Pick<components['schemas']['PolicyViewDto'], 'scoringModel' | 'scoreMargin' | 'outcomeDueDays'>;
  revision: number;
}

export const LIST_TABS = ['ranked', 'anti-backlog', 'killed', 'delivered'] as const satisfies readonly ItemList['status'][];
export type ListTab = (typeof LIST_TABS)[number];

/** GET /backlogs/:id/items: a page of the list, typed by the API's documented response. */
export type ItemList = components['schemas']['RankedItemsPageDto'];
export type ListedItem = ItemList['items'][number];

/** GET /backlogs/:id/analytics/zombies: the parts the list shows. */
export interface Zombie {
  itemId: string;
  score: number;
  daysSinceProgress: number;
  reasons: { timesDeferred: number; noObjective: boolean; killCriteriaReviewPassed: boolean; inProgressTooLong: boolean; escalations: number };
}
export interface ZombieReport {
  at: string;
  zombies: Zombie[];
  count: number;
}

export const backlogKeys = {
  backlog: (id: string) => ['backlog', id] as const,
  items: (id: string, tab: ListTab, at: string | null) => ['backlog-items', id, tab, at] as const,
  zombies: (id: string, at: string | null) => ['zombies', id, at] as const,
};

const backlogQuery = (backlogId: string) =>
  queryOptions({
    queryKey: backlogKeys.backlog(backlogId),
    queryFn: async () => (await unwrap<BacklogView>(api.GET('/backlogs/{backlogId}', { params: { path: { backlogId } } }))).data,
  });

const itemListQuery = (backlogId: string, tab: ListTab, at: string | null) =>
  queryOptions({
    queryKey: backlogKeys.items(backlogId, tab, at),
    queryFn: async () =>
      (await unwrap<ItemList>(api.GET('/backlogs/{backlogId}/items', { params: { path: { backlogId }, query: { status: tab, at: at ?? undefined, limit: 10000 } } })))
        .data,
  });

const zombiesQuery = (backlogId: string, at: string | null) =>
  queryOptions({
    queryKey: backlogKeys.zombies(backlogId, at),
    queryFn: async () =>
      (await unwrap<ZombieReport>(api.GET('/backlogs/{backlogId}/analytics/zombies', { params: { path: { backlogId }, query: { at: at ?? undefined } } }))).data,
  });

/** The tab of the URL's `?tab=` (the ranked list when absent or unknown). */
export function tabOf(search: string): ListTab {
  const raw = new URLSearchParams(search).get('tab');
  return (LIST_TABS as readonly string[]).includes(raw ?? '') ? (raw as ListTab) : 'ranked';
}

/** The backlog, its list and its zombie badges, all at once with the route. */
export const prefetchBacklog: RoutePrefetch = ({ client, params, search }) => {
  const backlogId = params.backlogId ?? '';
  const at = parseAt(search);
  void client.prefetchQuery(backlogQuery(backlogId));
  void client.prefetchQuery(itemListQuery(backlogId, tabOf(search), at));
  void client.prefetchQuery(zombiesQuery(backlogId, at));
};

export function useBacklog(backlogId: string) {
  return useQuery(backlogQuery(backlogId));
}

export function useItemList(backlogId: string, tab: ListTab, at: string | null) {
  return useQuery(itemListQuery(backlogId, tab, at));
}

export function useZombies(backlogId: string, at: string | null) {
  return useQuery(zombiesQuery(backlogId, at));
}

export interface MoveBody {
  toPosition: number;
  trigger?: string;
  rationale: string;
}

/** POST /items/:id/reprioritize with If-Match: the revision the list showed. */
export async function reprioritize(item: Pick<ListedItem, 'id' | 'revision'>, body: MoveBody) {
  return unwrap(
    api.POST('/items/{itemId}/reprioritize', {
      params: { path: { itemId: item.id }, header: { 'If-Match': etagOf(item.revision) } },
      body: body as never,
    }),
  );
}

export async function addItem(backlogId: string, body: Record<string, unknown>) {
  return unwrap(api.POST('/backlogs/{backlogId}/items', { params: { path: { backlogId } }, body: body as never }));
}

/** After a decision: the lists, the zombies, the portfolio and the item are re-read. */
export function useRefreshBacklog(backlogId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['backlog-items', backlogId] }),
      client.invalidateQueries({ queryKey: ['zombies', backlogId] }),
      client.invalidateQueries({ queryKey: ['backlog', backlogId] }),
      client.invalidateQueries({ queryKey: ['portfolio'] }),
      client.invalidateQueries({ queryKey: ['item'] }),
    ]);
}

export const TRIGGERS = [
  { value: 'routine', label: 'Routine grooming' },
  { value: 'stakeholder-request', label: 'Stakeholder request' },
  { value: 'review', label: 'Review' },
  { value: 'new-evidence', label: 'New evidence' },
] as const;

export const KINDS = [
  { value: 'story', label: 'Story' },
  { value: 'bug', label: 'Bug' },
  { value: 'tech', label: 'Tech' },
  { value: 'initiative', label: 'Initiative' },
  { value: 'hypothesis', label: 'Hypothesis' },
] as const;
