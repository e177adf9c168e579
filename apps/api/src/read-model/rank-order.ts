import type { RankNeighbours } from './ledger-index.port';

/**
 * The ranked items of one backlog in memory, ordered exactly like the read model's SQL
 * (`ORDER BY rank, item_id`, bytewise): positions, counts and neighbours by binary search instead of
 * COUNT / OFFSET scans over the ranking index, which cost O(backlog size) per decision.
 *
 * Entries are `rank + "\0" + itemId`. Rank keys are base-36 ([0-9a-z]), so comparing the composite strings
 * compares rank first (a key that is a prefix of another sorts first, as in SQLite) and item id on ties.
 */
export class RankOrder {
  private readonly keys: string[] = [];
  private readonly byItem = new Map<string, string>();

  static key(rank: string, itemId: string): string {
    return `${rank}\u0000${itemId}`;
  }

  static rankOf(key: string): string {
    return key.slice(0, key.indexOf('\u0000'));
  }

  static idOf(key: string): string {
    return key.slice(key.indexOf('\u0000') + 1);
  }

  /** Builds from rows already in `ORDER BY rank, item_id` order (checked: a wrong order would corrupt every answer). */
  static fromSorted(rows: Iterable<{ rank: string; itemId: string }>): RankOrder {
    const order = new RankOrder();
    for (const r of rows) {
      const k = RankOrder.key(r.rank, r.itemId);
      const n = order.keys.length;
      if (n > 0 && order.keys[n - 1] >= k) throw new Error('RankOrder.fromSorted: rows are not in (rank, item_id) order');
      order.keys.push(k);
      order.byItem.set(r.itemId, k);
    }
    return order;
  }

  get size(): number {
    return this.keys.length;
  }

  has(itemId: string): boolean {
    return this.byItem.has(itemId);
  }

  /** Puts the item at `rank`, or takes it out of the ranking when `rank` is null. */
  set(itemId: string, rank: string | null): void {
    const old = this.byItem.get(itemId);
    if (old !== undefined) {
      if (rank !== null && old === RankOrder.key(rank, itemId)) return;
      this.keys.splice(this.lowerBound(old), 1);
      this.byItem.delete(itemId);
    }
    if (rank === null) return;
    const k = RankOrder.key(rank, itemId);
    this.keys.splice(this.lowerBound(k), 0, k);
    this.byItem.set(itemId, k);
  }

  /** 1-based position, null when not ranked. */
  positionOf(itemId: string): number | null {
    const k = this.byItem.get(itemId);
    return k === undefined ? null : this.lowerBound(k) + 1;
  }

  /** Number of ranked items that sort before (rank, itemId) — whether or not that item is ranked. */
  countBefore(rank: string, itemId: string): number {
    return this.lowerBound(RankOrder.key(rank, itemId));
  }

  /** Ranked items other than `exclude`. */
  countOthers(exclude: string): number {
    return this.keys.length - (this.byItem.has(exclude) ? 1 : 0);
  }

  /** The rank of the `offset`-th (0-based) ranked item other than `exclude`, or null past the end. */
  nthOtherRank(exclude: string, offset: number): string | null {
    if (offset < 0) return null;
    const self = this.positionOf(exclude);
    const j = self !== null && offset >= self - 1 ? offset + 1 : offset;
    return j < this.keys.length ? RankOrder.rankOf(this.keys[j]) : null;
  }

  /** Smallest rank strictly greater than `rank` among items other than `exclude`. */
  nextDistinctRank(exclude: string, rank: string): string | null {
    for (let i = this.lowerBound(`${rank}\u0001`); i < this.keys.length; i++) {
      if (RankOrder.idOf(this.keys[i]) !== exclude) return RankOrder.rankOf(this.keys[i]);
    }
    return null;
  }

  /** Rank of the last item other than `exclude` sorting before (rank, anchorId). */
  prevOtherRank(exclude: string, rank: string, anchorId: string): string | null {
    for (let i = this.lowerBound(RankOrder.key(rank, anchorId)) - 1; i >= 0; i--) {
      if (RankOrder.idOf(this.keys[i]) !== exclude) return RankOrder.rankOf(this.keys[i]);
    }
    return null;
  }

  /** Rank of the first item other than `exclude` sorting after (rank, anchorId). */
  nextOtherRank(exclude: string, rank: string, anchorId: string): string | null {
    const k = RankOrder.key(rank, anchorId);
    let i = this.lowerBound(k);
    if (i < this.keys.length && this.keys[i] === k) i++;
    for (; i < this.keys.length; i++) {
      if (RankOrder.idOf(this.keys[i]) !== exclude) return RankOrder.rankOf(this.keys[i]);
    }
    return null;
  }

  /** Neighbours for placing `itemId` at 1-based `position` among the other ranked items. */
  neighboursAt(position: number, itemId: string): RankNeighbours {
    const others = this.countOthers(itemId);
    const above = position > 1 ? this.nthOtherRank(itemId, position - 2) : null;
    const below = position <= others ? this.nthOtherRank(itemId, position - 1) : null;
    return this.untie(itemId, above, below, others);
  }

  /**
   * Neighbours for placing `itemId` directly above (`before`) or below (`after`) `anchorId`, and the position it
   * gets; position -1 when the anchor is not one of these ranked items or is the item itself.
   */
  neighboursOf(anchorId: string, side: 'before' | 'after', itemId: string): RankNeighbours & { position: number } {
    const others = this.countOthers(itemId);
    const anchorKey = this.byItem.get(anchorId);
    if (anchorKey === undefined || anchorId === itemId) return { above: null, below: null, others, position: -1 };
    const anchorRank = RankOrder.rankOf(anchorKey);
    // The anchor's position among the other items: excluding the moved item shifts it up when it sorts before.
    const before = this.countBefore(anchorRank, anchorId);
    const self = this.positionOf(itemId);
    const anchorPos = before + 1 - (self !== null && self <= before ? 1 : 0);
    if (side === 'before') {
      const prev = this.prevOtherRank(itemId, anchorRank, anchorId);
      return { ...this.untie(itemId, prev, anchorRank, others), position: anchorPos };
    }
    const next = this.nextOtherRank(itemId, anchorRank, anchorId);
    return { ...this.untie(itemId, anchorRank, next, others), position: anchorPos + 1 };
  }

  /**
   * Two concurrent moves into the same gap can produce equal keys; a key strictly between equal
   * neighbours does not exist, so the lower bound moves to the next distinct key.
   */
  private untie(itemId: string, above: string | null, below: string | null, others: number): RankNeighbours {
    if (above !== null && below !== null && above >= below) {
      return { above, below: this.nextDistinctRank(itemId, above), others };
    }
    return { above, below, others };
  }

  /** Item ids at 1-based positions [from, to] (clamped to the ranking), in order. */
  idsBetween(from: number, to: number): string[] {
    const lo = Math.max(1, Math.trunc(from));
    const hi = Math.min(this.keys.length, Math.trunc(to));
    const out: string[] = [];
    for (let i = lo - 1; i < hi; i++) out.push(RankOrder.idOf(this.keys[i]));
    return out;
  }

  /** First index whose key is >= k. */
  private lowerBound(k: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
