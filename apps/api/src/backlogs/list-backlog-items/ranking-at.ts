import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, isRanked, type ItemKind, type ItemState } from '@ledger/domain';

export interface RankedItemView {
  position: number;
  id: string;
  title: string;
  kind: ItemKind;
  status: 'open' | 'in-progress';
  rank: string;
  estimate: number | null;
  objectiveId: string | null;
  requestedBy: string | null;
  revision: number;
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
      status: state.status as RankedItemView['status'],
      rank: state.rank!,
      estimate: state.estimate,
      objectiveId: state.objectiveId,
      requestedBy: state.requestedBy,
      revision,
    }));
}
