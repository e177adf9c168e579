import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, isRanked, type FrozenScore, type ItemState } from '@ledger/domain';

export interface RankedItemView {
  position: number;
  id: string;
  title: string;
  kind: string;
  status: string;
  rank: string;
  estimate: number | null;
  objectiveId: string | null;
  requestedBy: string | null;
  revision: number;
  /** The score the item's latest decision (as of then) froze; null when it has none (ADR 0033). */
  scoring: FrozenScore | null;
}

/** The frozen score of a state, without the event id. */
export function frozenOf(state: Pick<ItemState, 'lastScore'>): FrozenScore | null {
  if (!state.lastScore) return null;
  const { eventId: _eventId, ...frozen } = state.lastScore;
  return frozen;
}

/** Pure: the item events of one backlog (position order) → the ranked list they produce. */
export function rankingFrom(events: RecordedEvent[]): RankedItemView[] {
  const items = new Map<string, { state: ItemState; revision: number }>();
  for (const e of events) {
    const cur = items.get(e.streamId) ?? { state: itemDecider.initialState, revision: -1 };
    items.set(e.streamId, { state: itemDecider.evolve(cur.state, e as never), revision: e.revision });
  }
  return [...items.values()]
    .filter(({ state }) => isRanked(state) && state.rank !== null && state.itemId !== null)
    .sort((a, b) =>
      a.state.rank! < b.state.rank! ? -1 : a.state.rank! > b.state.rank! ? 1 : a.state.itemId! < b.state.itemId! ? -1 : 1,
    )
    .map(({ state, revision }, i) => ({
      position: i + 1,
      id: state.itemId!,
      title: state.title,
      kind: state.kind ?? 'story',
      status: state.status,
      rank: state.rank!,
      estimate: state.estimate,
      objectiveId: state.objectiveId,
      requestedBy: state.requestedBy,
      revision,
      scoring: frozenOf(state),
    }));
}
