import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, type ItemState } from '@ledger/domain';
import { inRanking, versionOf, type ItemVersion } from '../../read-model/item-version';

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
}

/**
 * Pure: one version per item stream → the ranked list, ordered by (rank, item id) bytewise like the read model's
 * SQL, then by stream id (only streams that claim the same item id and rank would tie: the order never depends
 * on the order of the input).
 */
export function rankingFromVersions(versions: Iterable<ItemVersion>): RankedItemView[] {
  const ranked: ItemVersion[] = [];
  for (const v of versions) if (inRanking(v)) ranked.push(v);
  ranked.sort((a, b) => {
    const ra = a.state.rank!;
    const rb = b.state.rank!;
    if (ra !== rb) return ra < rb ? -1 : 1;
    const ia = a.state.itemId!;
    const ib = b.state.itemId!;
    if (ia !== ib) return ia < ib ? -1 : 1;
    return a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;
  });
  return ranked.map(({ state, revision }, i) => ({
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
  }));
}

/**
 * Pure, the definition of "as of": the item events of one backlog that occurred at or before the instant (in
 * position order), folded per stream with the item decider's full `evolve`. The read model's index answers the
 * same question from stored versions (ADR 0030); this fold is its reference in the property test and the answer
 * while that index is still being built after an upgrade.
 */
export function rankingFrom(events: RecordedEvent[]): RankedItemView[] {
  const items = new Map<string, { state: ItemState; revision: number }>();
  for (const e of events) {
    const cur = items.get(e.streamId) ?? { state: itemDecider.initialState, revision: -1 };
    items.set(e.streamId, { state: itemDecider.evolve(cur.state, e as never), revision: e.revision });
  }
  return rankingFromVersions([...items].map(([streamId, { state, revision }]) => versionOf(streamId, state, revision)));
}
