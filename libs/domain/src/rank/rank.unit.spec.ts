import fc from 'fast-check';
import { DomainError } from '@ledger/kernel';
import { Rank } from './rank';

function expectRankError(fn: () => unknown, code: string, kind: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    expect((e as DomainError).kind).toBe(kind);
    return;
  }
  throw new Error(`expected ${code}`);
}

function expectStrictlyIncreasing(keys: string[]): void {
  for (let i = 1; i < keys.length; i += 1) {
    if (!(keys[i - 1] < keys[i])) throw new Error(`keys out of order at ${i}: ${keys[i - 1]} !< ${keys[i]}`);
  }
}

describe('Rank', () => {
  it('starts in the middle of the key space', () => {
    expect(Rank.initial()).toBe('i');
    expect(Rank.between(null, null)).toBe(Rank.initial());
  });

  it('places after, before and between', () => {
    expect(Rank.between('i', null) > 'i').toBe(true);
    expect(Rank.between(null, 'i') < 'i').toBe(true);
    const mid = Rank.between('a', 'c');
    expect(mid).toBe('b');
    expect(Rank.between('a', 'b')).toMatch(/^a[1-9a-z]$/);
    expect(Rank.between('i', 'i5') > 'i' && Rank.between('i', 'i5') < 'i5').toBe(true);
    expect(Rank.between('h5', 'i')).toBe('hl');
    expect(Rank.between('h', 'i5')).toBe('i');
  });

  it('prefers the midpoint digit for a wide gap', () => {
    expect(Rank.between('0i', '0k')).toBe('0j');
    expect(Rank.between('1', 'z')).toBe('i');
  });

  it('finds room below keys made of 0s and 1s', () => {
    for (const b of ['1', '01', '000001', '0000001', '00000001']) {
      const k = Rank.between(null, b);
      expect(Rank.isValid(k)).toBe(true);
      expect(k < b).toBe(true);
    }
    expect(Rank.between(null, '1')).toBe('0zzzzz');
    expect(Rank.between('0z', '1')).toMatch(/^0z/);
  });

  it('finds room above keys made of zs', () => {
    expect(Rank.between('z', null)).toBe('z00001');
    expect(Rank.between('zy', null)).toBe('zy0001');
    for (const a of ['zzzzzz', 'zzzzzzz', 'zzzzzy']) {
      const k = Rank.between(a, null);
      expect(Rank.isValid(k)).toBe(true);
      expect(k > a).toBe(true);
    }
  });

  it('keeps keys at most 6 characters when a backlog grows by appends or by pushes to the top', () => {
    let bottom = Rank.initial();
    let top = Rank.initial();
    for (let i = 0; i < 20_000; i++) {
      const nextBottom = Rank.between(bottom, null);
      const nextTop = Rank.between(null, top);
      expect(nextBottom > bottom && nextTop < top).toBe(true);
      bottom = nextBottom;
      top = nextTop;
    }
    expect(bottom.length).toBeLessThanOrEqual(6);
    expect(top.length).toBeLessThanOrEqual(6);
  });

  it('refuses neighbours in the wrong order (RANK.INVALID_NEIGHBOURS, invariant)', () => {
    expectRankError(() => Rank.between('b', 'a'), 'RANK.INVALID_NEIGHBOURS', 'invariant');
    expectRankError(() => Rank.between('b', 'b'), 'RANK.INVALID_NEIGHBOURS', 'invariant');
  });

  it('refuses malformed keys (RANK.INVALID_KEY, validation)', () => {
    expectRankError(() => Rank.between('a0', null), 'RANK.INVALID_KEY', 'validation');
    expectRankError(() => Rank.between(null, 'A'), 'RANK.INVALID_KEY', 'validation');
    expectRankError(() => Rank.between('', 'b'), 'RANK.INVALID_KEY', 'validation');
  });

  it('validates keys', () => {
    for (const k of ['i', '0z', 'zz1', 'abc']) expect(Rank.isValid(k)).toBe(true);
    for (const k of ['', '0', 'a0', 'A', 'a-b', ' i']) expect(Rank.isValid(k)).toBe(false);
  });

  it('compares like the string order', () => {
    expect(Rank.compare('a', 'b')).toBe(-1);
    expect(Rank.compare('b', 'a')).toBe(1);
    expect(Rank.compare('b', 'b')).toBe(0);
    expect(['i', '0z', 'a', 'a1'].sort(Rank.compare)).toEqual(['0z', 'a', 'a1', 'i']);
  });

  it('property: random inserts at random places keep a strict order and stay short', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 400 }), (places) => {
        const keys: string[] = [];
        for (const p of places) {
          const i = p % (keys.length + 1);
          const key = Rank.between(keys[i - 1] ?? null, keys[i] ?? null);
          expect(Rank.isValid(key)).toBe(true);
          keys.splice(i, 0, key);
        }
        expectStrictlyIncreasing(keys);
        // ~log36 of the number of keys, plus slack for unlucky clusters.
        expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(12);
      }),
      { numRuns: 200 },
    );
  });

  it('property: between any two valid keys a < b gives a valid key strictly between', () => {
    const key = fc.stringMatching(/^[0-9a-z]{0,8}[1-9a-z]$/);
    fc.assert(
      fc.property(key, key, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const k = Rank.between(a, b);
        expect(Rank.isValid(k)).toBe(true);
        expect(a < k && k < b).toBe(true);
        expect(Rank.between(a, null) > a).toBe(true);
        expect(Rank.between(null, a) < a).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('10,000 inserts at the same spot still produce valid increasing keys', () => {
    for (const direction of ['towards-above', 'towards-below'] as const) {
      let above = 'i';
      let below = 'j';
      const keys: string[] = [];
      for (let n = 0; n < 10_000; n += 1) {
        const k = Rank.between(above, below);
        expect(Rank.isValid(k)).toBe(true);
        expect(above < k && k < below).toBe(true);
        keys.push(k);
        if (direction === 'towards-above') below = k;
        else above = k;
      }
      if (direction === 'towards-above') keys.reverse();
      expectStrictlyIncreasing(keys);
    }
  });

  it('10,000 appends and 10,000 prepends stay valid and grow slowly', () => {
    let last: string | null = null;
    let first: string | null = null;
    for (let n = 0; n < 10_000; n += 1) {
      const a: string = Rank.between(last, null);
      if (last !== null) expect(a > last).toBe(true);
      last = a;
      const b: string = Rank.between(null, first);
      if (first !== null) expect(b < first).toBe(true);
      first = b;
    }
    expect(Rank.isValid(last!) && Rank.isValid(first!)).toBe(true);
    expect(last!.length).toBeLessThanOrEqual(300);
    expect(first!.length).toBeLessThanOrEqual(300);
  });
});
