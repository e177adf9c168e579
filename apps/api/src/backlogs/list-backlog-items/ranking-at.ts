import type { FrozenScore, ItemKind, ItemState } from '@ledger/domain';
import { inRanking, type ItemVersion } from '../../read-model/item-version';

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
  scoring: frozenOf(state),
});

/**
 * "As of" (ADR 0030): the read model's index gives each item stream's version folded from exactly its events that
 * occurred at or before the instant (property-tested against that plain fold, as-of-index.int.spec.ts).
 *
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
