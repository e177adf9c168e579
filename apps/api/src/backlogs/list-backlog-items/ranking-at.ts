import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, type ItemKind, type ItemState } from '@ledger/domain';
import { inRanking, nextProgressAt, versionOf, type ItemVersion } from '../../read-model/item-version';

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
}

const view = ({ state, revision, lastProgressAt }: ItemVersion, position: number | null): RankedItemView => ({
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
});

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
  return ranked.map((v, i) => view(v, i + 1));
}

/** Pure: one version per item stream → the items with `status`, most recently decided first. */
export function itemsWithStatusFromVersions(versions: Iterable<ItemVersion>, status: 'anti-backlog' | 'killed' | 'delivered'): RankedItemView[] {
  const out: ItemVersion[] = [];
  for (const v of versions) if (v.state.itemId !== null && v.state.status === status) out.push(v);
  return out.sort((a, b) => b.position - a.position).map((v) => view(v, null));
}

/**
 * Pure, the definition of "as of": the item events of one backlog that occurred at or before the instant (in
 * position order), folded per stream with the item decider's full `evolve`. The read model's index answers the
 * same question from stored versions (ADR 0030); this fold is its reference in the property test and the answer
 * while that index is still being built after an upgrade.
 */
function foldStreams(events: RecordedEvent[]): ItemVersion[] {
  const items = new Map<string, { state: ItemState; revision: number; lastProgressAt: string | null; position: number }>();
  for (const e of events) {
    const cur = items.get(e.streamId) ?? { state: itemDecider.initialState, revision: -1, lastProgressAt: null, position: 0 };
    items.set(e.streamId, {
      state: itemDecider.evolve(cur.state, e as never),
      revision: e.revision,
      lastProgressAt: nextProgressAt(cur.lastProgressAt, e),
      position: e.position,
    });
  }
  return [...items].map(([streamId, f]) => versionOf(streamId, f.state, f.revision, f.lastProgressAt!, f.position));
}

/** Pure: the item events of one backlog (position order) → the ranked list they produce. */
export function rankingFrom(events: RecordedEvent[]): RankedItemView[] {
  return rankingFromVersions(foldStreams(events));
}

/** Pure: the item events of one backlog (position order) → its items with `status`, most recently decided first. */
export function itemsWithStatusFrom(events: RecordedEvent[], status: 'anti-backlog' | 'killed' | 'delivered'): RankedItemView[] {
  return itemsWithStatusFromVersions(foldStreams(events), status);
}
