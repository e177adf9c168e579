import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, isRanked, type FrozenScore, type ItemKind, type ItemState } from '@ledger/domain';
import { PROGRESS_EVENT_TYPES } from '@ledger/analytics';

export interface RankedItemView {
  /** 1-based rank in the ranked backlog; null in the lists of items that left it (anti-backlog, killed, delivered). */
  position: number | null;
  id: string;
  title: string;
  kind: ItemKind;
  status: 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';
  /** Rank key while ranked; null otherwise. */
  rank: string | null;
  estimate: number | null;
  objectiveId: string | null;
  requestedBy: string | null;
  revision: number;
  /**
   * When the item last progressed (DOMAIN.md "Progress event": started, delivered, outcome recorded, estimated,
   * linked to an objective, kill criteria set), or when it was added if it never did. Reprioritizations are not progress.
   */
  lastProgressAt: string;
  /** The score the item's latest decision (as of then) froze; null when it has none (ADR 0033). */
  scoring: FrozenScore | null;
}

/** The frozen score of a state, without the event id. */
export function frozenOf(state: Pick<ItemState, 'lastScore'>): FrozenScore | null {
  if (!state.lastScore) return null;
  const { eventId: _eventId, ...frozen } = state.lastScore;
  return frozen;
}

const PROGRESS = new Set<string>(PROGRESS_EVENT_TYPES);
const occurredAt = (e: RecordedEvent): string => (typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt);

interface Folded {
  state: ItemState;
  revision: number;
  lastProgressAt: string;
  /** Global position of the item's latest event. */
  lastPosition: number;
}

function foldItems(events: RecordedEvent[]): Folded[] {
  const items = new Map<string, Folded>();
  for (const e of events) {
    const cur = items.get(e.streamId) ?? { state: itemDecider.initialState, revision: -1, lastProgressAt: occurredAt(e), lastPosition: 0 };
    const progressed = PROGRESS.has(e.type) || e.type === 'item.added';
    items.set(e.streamId, {
      state: itemDecider.evolve(cur.state, e as never),
      revision: e.revision,
      lastProgressAt: progressed && occurredAt(e) > cur.lastProgressAt ? occurredAt(e) : cur.lastProgressAt,
      lastPosition: e.position,
    });
  }
  return [...items.values()].filter(({ state }) => state.itemId !== null);
}

const view = ({ state, revision, lastProgressAt }: Folded, position: number | null): RankedItemView => ({
  position,
  id: state.itemId!,
  title: state.title,
  kind: state.kind ?? 'story',
  status: state.status as RankedItemView['status'],
  rank: state.rank,
  estimate: state.estimate,
  objectiveId: state.objectiveId,
  requestedBy: state.requestedBy,
  revision,
  lastProgressAt,
  scoring: frozenOf(state),
});

/** Pure: the item events of one backlog (position order) → the ranked list they produce. */
export function rankingFrom(events: RecordedEvent[]): RankedItemView[] {
  return foldItems(events)
    .filter(({ state }) => isRanked(state) && state.rank !== null)
    .sort((a, b) =>
      a.state.rank! < b.state.rank! ? -1 : a.state.rank! > b.state.rank! ? 1 : a.state.itemId! < b.state.itemId! ? -1 : 1,
    )
    .map((f, i) => view(f, i + 1));
}

/** Pure: the item events of one backlog (position order) → its items with `status`, most recently decided first. */
export function itemsWithStatusFrom(events: RecordedEvent[], status: 'anti-backlog' | 'killed' | 'delivered'): RankedItemView[] {
  return foldItems(events)
    .filter(({ state }) => state.status === status)
    .sort((a, b) => b.lastPosition - a.lastPosition)
    .map((f) => view(f, null));
}
