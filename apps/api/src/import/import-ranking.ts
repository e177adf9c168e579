import type { RecordedEvent } from '@ledger/kernel';
import type { FrozenScore } from '@ledger/domain';
import { itemRowChange } from '../read-model/ledger-index.projection';
import type { LedgerIndex, RankingIndex, RankNeighbours } from '../read-model/ledger-index.port';
import { RankOrder } from '../read-model/rank-order';

/** Statuses that take part in the ranking (as in the read model). */
const RANKED = new Set(['open', 'in-progress']);

interface ItemRank {
  backlogId: string;
  ranked: boolean;
  /** The rank column: kept while unranked, as the read model keeps it. */
  rank: string;
  /** The score the item's latest decision froze (the scoring column: kept when a later event freezes none). */
  scoring: FrozenScore | null;
}

/**
 * The ranked view a bulk import places items by (ADR 0027): the read model's ranking as it stood when the import
 * began (the read model is caught up, then paused), plus every item event the import has taken since, applied as
 * the read model's projection would apply it (`itemRowChange`, same ranked statuses, same (rank, item_id) order).
 * So each line is placed against the ranking the earlier lines left, exactly as the one-by-one path, which waited
 * for the read model before each placement, placed it.
 */
export class ImportRanking implements RankingIndex {
  private readonly orders = new Map<string, RankOrder>();
  /** Items this import touched: their row as the read model would now have it. */
  private readonly items = new Map<string, ItemRank>();
  /** Frozen scores of the ranked items of each backlog order loaded from the read model (not touched since). */
  private readonly loadedScores = new Map<string, FrozenScore | null>();

  constructor(private readonly readModel: Pick<LedgerIndex, 'rankedItems' | 'rankedCount' | 'itemRow'>) {}

  /** Always current: every staged decision is applied as it is taken. */
  waitFor(): Promise<boolean> {
    return Promise.resolve(true);
  }

  rankedCount(backlogId: string): number {
    return this.orderOf(backlogId).size;
  }

  positionOf(backlogId: string, itemId: string): number | null {
    return this.orderOf(backlogId).positionOf(itemId);
  }

  /** As the read model's: the items at positions [from, to] with their last frozen score (ADR 0033). */
  rankedBetween(backlogId: string, from: number, to: number): { itemId: string; scoring: FrozenScore | null }[] {
    return this.orderOf(backlogId)
      .idsBetween(from, to)
      .map((itemId) => ({ itemId, scoring: this.items.get(itemId)?.scoring ?? this.loadedScores.get(itemId) ?? null }));
  }

  neighboursAt(backlogId: string, position: number, itemId: string): RankNeighbours {
    return this.orderOf(backlogId).neighboursAt(position, itemId);
  }

  neighboursOf(backlogId: string, anchorId: string, side: 'before' | 'after', itemId: string): RankNeighbours & { position: number } {
    return this.orderOf(backlogId).neighboursOf(anchorId, side, itemId);
  }

  /** Applies one staged event, as SqliteLedgerIndex.apply would update the item's row and the backlog's order. */
  apply(e: RecordedEvent): void {
    const change = itemRowChange(e);
    if (!change) return;
    // The read model stores the JSON and parses it when read.
    const scoring = change.scoring ? (JSON.parse(change.scoring) as FrozenScore) : null;
    let row: ItemRank | undefined;
    if (change.insert) {
      // INSERT OR IGNORE (an item is added once: its stream was empty, so the read model has no row for it).
      row = this.items.get(change.itemId) ?? { backlogId: change.insert.backlogId, ranked: true, rank: change.insert.rank, scoring };
    } else {
      const current = this.rowOf(change.itemId);
      if (!current) return; // the read model's UPDATE matches no row
      row = {
        backlogId: current.backlogId,
        ranked: change.status ? RANKED.has(change.status) : current.ranked,
        rank: change.rank ?? current.rank,
        scoring: scoring ?? current.scoring, // COALESCE(@scoring, scoring)
      };
    }
    this.items.set(change.itemId, row);
    this.orderOf(row.backlogId).set(change.itemId, row.ranked ? row.rank : null);
  }

  private rowOf(itemId: string): ItemRank | undefined {
    const known = this.items.get(itemId);
    if (known) return known;
    const r = this.readModel.itemRow(itemId);
    return r ? { backlogId: r.backlogId, ranked: r.ranked, rank: r.rank, scoring: r.scoring } : undefined;
  }

  /**
   * A backlog's order, from the read model on first use. Any item of the backlog this import touched was applied
   * after its order was loaded (apply loads it first), so the loaded order never misses one of them.
   */
  private orderOf(backlogId: string): RankOrder {
    let order = this.orders.get(backlogId);
    if (!order) {
      const count = this.readModel.rankedCount(backlogId);
      const rows = count === 0 ? [] : this.readModel.rankedItems(backlogId, { limit: count, offset: 0 });
      for (const r of rows) this.loadedScores.set(r.itemId, r.scoring);
      order = RankOrder.fromSorted(rows);
      this.orders.set(backlogId, order);
    }
    return order;
  }
}
