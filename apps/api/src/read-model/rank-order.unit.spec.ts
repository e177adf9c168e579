import fc from 'fast-check';
import { RankOrder } from './rank-order';

/** The SQL the order replaces, as plain array operations over (rank, item_id) sorted bytewise. */
class Naive {
  readonly ranks = new Map<string, string>();
  sorted(exclude?: string) {
    return [...this.ranks.entries()]
      .filter(([id]) => id !== exclude)
      .map(([itemId, rank]) => ({ itemId, rank }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  }
  before(rank: string, id: string) {
    return (r: { rank: string; itemId: string }) => r.rank < rank || (r.rank === rank && r.itemId < id);
  }
}

const ids = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'];
const rankArb = fc.stringOf(fc.constantFrom('0', '1', 'i', 'z'), { minLength: 1, maxLength: 3 });
const opArb = fc.record({ itemId: fc.constantFrom(...ids), rank: fc.option(rankArb, { nil: null }) });

describe('RankOrder: the in-memory ranking answers exactly what the SQL over (rank, item_id) answers', () => {
  it('agrees with a naive sorted list after any sequence of moves, ties and removals', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        rankArb,
        fc.constantFrom(1, 2, 3, 256),
        fc.array(opArb, { maxLength: 7 }),
        (ops, me, anchor, probe, blockSize, loaded) => {
        // Some items loaded from sorted rows first, then moved around (tiny blocks split and empty often).
        const naive = new Naive();
        for (const op of loaded) if (op.rank !== null) naive.ranks.set(op.itemId, op.rank);
        const order = RankOrder.fromSorted(naive.sorted(), blockSize);
        for (const op of ops) {
          order.set(op.itemId, op.rank);
          if (op.rank === null) naive.ranks.delete(op.itemId);
          else naive.ranks.set(op.itemId, op.rank);
        }
        const all = naive.sorted();
        const others = naive.sorted(me);
        expect(order.size).toBe(all.length);
        expect(order.positionOf(me)).toBe(naive.ranks.has(me) ? all.findIndex((r) => r.itemId === me) + 1 : null);
        expect(order.countOthers(me)).toBe(others.length);
        // Across block boundaries (blocks of 1-3 keys), clamped at both ends, empty when from > to.
        for (const [from, to] of [[1, all.length], [0, 2], [2, 4], [3, 3], [all.length - 1, all.length + 5], [4, 2]]) {
          expect(order.idsBetween(from, to)).toEqual(all.slice(Math.max(1, from) - 1, Math.max(Math.max(1, from) - 1, to)).map((r) => r.itemId));
        }
        for (let k = -1; k <= others.length; k++) expect(order.nthOtherRank(me, k)).toBe(others[k]?.rank ?? null);
        expect(order.nextDistinctRank(me, probe)).toBe(others.find((r) => r.rank > probe)?.rank ?? null);
        const anchorRank = naive.ranks.get(anchor) ?? probe;
        expect(order.countBefore(anchorRank, anchor)).toBe(all.filter(naive.before(anchorRank, anchor)).length);
        expect(order.prevOtherRank(me, anchorRank, anchor)).toBe(others.filter(naive.before(anchorRank, anchor)).pop()?.rank ?? null);
        expect(order.nextOtherRank(me, anchorRank, anchor)).toBe(
          others.find((r) => r.rank > anchorRank || (r.rank === anchorRank && r.itemId > anchor))?.rank ?? null,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('places between the neighbours a position or an anchor names, among the other ranked items, moving past equal keys', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.constantFrom(...ids), fc.constantFrom(...ids), fc.integer({ min: 1, max: 9 }), (ops, me, anchor, position) => {
        const order = new RankOrder();
        const naive = new Naive();
        for (const op of ops) {
          order.set(op.itemId, op.rank);
          if (op.rank === null) naive.ranks.delete(op.itemId);
          else naive.ranks.set(op.itemId, op.rank);
        }
        const others = naive.sorted(me);
        // A key strictly between equal neighbours does not exist: the lower one becomes the next greater key.
        const untie = (above: string | null, below: string | null) =>
          above !== null && below !== null && above >= below
            ? { above, below: others.find((r) => r.rank > above)?.rank ?? null, others: others.length }
            : { above, below, others: others.length };
        if (position <= others.length + 1) {
          expect(order.neighboursAt(position, me)).toEqual(untie(others[position - 2]?.rank ?? null, others[position - 1]?.rank ?? null));
        }
        const at = others.findIndex((r) => r.itemId === anchor);
        for (const side of ['before', 'after'] as const) {
          const got = order.neighboursOf(anchor, side, me);
          if (at < 0) expect(got).toEqual({ above: null, below: null, others: others.length, position: -1 });
          else if (side === 'before') expect(got).toEqual({ ...untie(others[at - 1]?.rank ?? null, others[at].rank), position: at + 1 });
          else expect(got).toEqual({ ...untie(others[at].rank, others[at + 1]?.rank ?? null), position: at + 2 });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a rank before its own extensions, as SQLite compares text', () => {
    const order = RankOrder.fromSorted([
      { rank: 'i', itemId: 'z9' },
      { rank: 'i0', itemId: 'a1' },
    ]);
    expect(order.positionOf('z9')).toBe(1);
    expect(order.positionOf('a1')).toBe(2);
    order.set('b2', 'i');
    expect([order.positionOf('b2'), order.positionOf('z9'), order.positionOf('a1')]).toEqual([1, 2, 3]);
  });

  it('refuses rows that are not in (rank, item_id) order', () => {
    expect(() => RankOrder.fromSorted([{ rank: 'z', itemId: 'a' }, { rank: 'a', itemId: 'b' }])).toThrow(/not in \(rank, item_id\) order/);
  });
});
