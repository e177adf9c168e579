import type { RankNeighbours } from './ledger-index.port';

/**
 * The ranked items of one backlog in memory, ordered exactly like the read model's SQL
 * (`ORDER BY rank, item_id`, bytewise): positions, counts and neighbours by binary search instead of
 * COUNT / OFFSET scans over the ranking index, which cost O(backlog size) per decision.
 *
 * The keys live in sorted blocks of a few hundred (a move splices two short arrays instead of shifting a quarter
 * of a 10,000-item backlog; a position sums the block sizes before it).
 *
 * Entries are `rank + "\0" + itemId`. Rank keys are base-36 ([0-9a-z]), so comparing the composite strings
 * compares rank first (a key that is a prefix of another sorts first, as in SQLite) and item id on ties.
 */
export class RankOrder {
  /** Sorted, non-empty blocks whose concatenation is the sorted list of keys. */
  private blocks: string[][] = [];
  private count = 0;
  private readonly byItem = new Map<string, string>();

  /** `blockSize`: keys per block when loaded; a block that grows past twice that is split. */
  constructor(private readonly blockSize = BLOCK) {}

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
  static fromSorted(rows: Iterable<{ rank: string; itemId: string }>, blockSize = BLOCK): RankOrder {
    const order = new RankOrder(blockSize);
    let last: string | null = null;
    let block: string[] = [];
    for (const r of rows) {
      const k = RankOrder.key(r.rank, r.itemId);
      if (last !== null && last >= k) throw new Error('RankOrder.fromSorted: rows are not in (rank, item_id) order');
      last = k;
      if (block.length === blockSize) {
        order.blocks.push(block);
        block = [];
      }
      block.push(k);
      order.byItem.set(r.itemId, k);
      order.count += 1;
    }
    if (block.length) order.blocks.push(block);
    return order;
  }

  get size(): number {
    return this.count;
  }

  has(itemId: string): boolean {
    return this.byItem.has(itemId);
  }

  /** Puts the item at `rank`, or takes it out of the ranking when `rank` is null. */
  set(itemId: string, rank: string | null): void {
    const old = this.byItem.get(itemId);
    const k = rank === null ? null : RankOrder.key(rank, itemId);
    if (old !== undefined && old === k) return;
    if (old !== undefined) {
      this.remove(old);
      this.byItem.delete(itemId);
    }
    if (k === null) return;
    this.insert(k);
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
    return this.count - (this.byItem.has(exclude) ? 1 : 0);
  }

  /** The rank of the `offset`-th (0-based) ranked item other than `exclude`, or null past the end. */
  nthOtherRank(exclude: string, offset: number): string | null {
    if (offset < 0) return null;
    const self = this.positionOf(exclude);
    const j = self !== null && offset >= self - 1 ? offset + 1 : offset;
    return j < this.count ? RankOrder.rankOf(this.at(j)) : null;
  }

  /** Smallest rank strictly greater than `rank` among items other than `exclude`. */
  nextDistinctRank(exclude: string, rank: string): string | null {
    for (let i = this.lowerBound(`${rank}\u0001`); i < this.count; i++) {
      const k = this.at(i);
      if (RankOrder.idOf(k) !== exclude) return RankOrder.rankOf(k);
    }
    return null;
  }

  /** Rank of the last item other than `exclude` sorting before (rank, anchorId). */
  prevOtherRank(exclude: string, rank: string, anchorId: string): string | null {
    for (let i = this.lowerBound(RankOrder.key(rank, anchorId)) - 1; i >= 0; i--) {
      const k = this.at(i);
      if (RankOrder.idOf(k) !== exclude) return RankOrder.rankOf(k);
    }
    return null;
  }

  /** Rank of the first item other than `exclude` sorting after (rank, anchorId). */
  nextOtherRank(exclude: string, rank: string, anchorId: string): string | null {
    const key = RankOrder.key(rank, anchorId);
    let i = this.lowerBound(key);
    if (i < this.count && this.at(i) === key) i++;
    for (; i < this.count; i++) {
      const k = this.at(i);
      if (RankOrder.idOf(k) !== exclude) return RankOrder.rankOf(k);
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
    const out: string[] = [];
    let skip = Math.max(1, Math.trunc(from)) - 1;
    let left = Math.trunc(to) - skip;
    for (const block of this.blocks) {
      if (left <= 0) break;
      if (skip >= block.length) {
        skip -= block.length;
        continue;
      }
      const end = Math.min(block.length, skip + left);
      for (let i = skip; i < end; i++) out.push(RankOrder.idOf(block[i]));
      left -= end - skip;
      skip = 0;
    }
    return out;
  }

  /** First (global) index whose key is >= k. */
  private lowerBound(k: string): number {
    const b = this.blockFor(k);
    let before = 0;
    for (let i = 0; i < b; i++) before += this.blocks[i].length;
    return b === this.blocks.length ? before : before + lowerBoundIn(this.blocks[b], k);
  }

  /** The first block whose last key is >= k (blocks.length when every key is smaller). */
  private blockFor(k: string): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid];
      if (block[block.length - 1] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The key at a global index (0 <= i < count). */
  private at(i: number): string {
    for (const block of this.blocks) {
      if (i < block.length) return block[i];
      i -= block.length;
    }
    throw new RangeError(`RankOrder: no key at ${i}`);
  }

  private insert(k: string): void {
    if (this.blocks.length === 0) {
      this.blocks.push([k]);
    } else {
      const b = Math.min(this.blockFor(k), this.blocks.length - 1);
      const block = this.blocks[b];
      block.splice(lowerBoundIn(block, k), 0, k);
      if (block.length > 2 * this.blockSize) this.blocks.splice(b + 1, 0, block.splice(this.blockSize));
    }
    this.count += 1;
  }

  private remove(k: string): void {
    const b = this.blockFor(k);
    const block = this.blocks[b];
    block.splice(lowerBoundIn(block, k), 1);
    if (block.length === 0) this.blocks.splice(b, 1);
    this.count -= 1;
  }
}

/** Keys per block when loaded. */
const BLOCK = 256;

function lowerBoundIn(keys: string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
