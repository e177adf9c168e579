import { DomainError } from '@ledger/kernel';

/**
 * LexoRank-style orderable keys: moving one item rewrites one key, never its neighbours.
 *
 * A key is a base-36 fraction 0.d1d2d3… written with the digits `0-9a-z`. Keys never end in '0',
 * so plain JS string comparison (`<`) orders them exactly as their numeric values, and there is
 * always room below any key. There is no rebalancing: `between` always succeeds for valid
 * neighbours by making the key longer when the gap is exhausted.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length; // 36
const KEY_RE = /^[0-9a-z]*[1-9a-z]$/;
const MIDDLE = DIGITS[BASE / 2]; // 'i'

function digit(ch: string | undefined): number {
  return ch === undefined ? 0 : DIGITS.indexOf(ch);
}

function isValid(key: unknown): key is string {
  return typeof key === 'string' && KEY_RE.test(key);
}

function assertKey(key: string, side: 'above' | 'below'): void {
  if (!isValid(key)) {
    throw new DomainError(
      'RANK.INVALID_KEY',
      `The ${side} rank key is not a valid rank (digits 0-9a-z, not ending in 0).`,
      { side, key },
      'validation',
    );
  }
}

/** A short key strictly greater than `rest` (a trailing-zero-free digit string, possibly '') and below 1. */
function midpointToTop(rest: string): string {
  let i = 0;
  while (rest[i] === 'z') i += 1;
  const d = digit(rest[i]); // ≤ 34 here
  return 'z'.repeat(i) + DIGITS[Math.round((d + BASE) / 2)];
}

/** The shortest midpoint-digit key strictly between a and b (a < b, both valid). */
function midpoint(a: string, b: string): string {
  let i = 0;
  // Common prefix, reading `a` as padded with zeros (its numeric value). b[i] always exists since a < b.
  while ((a[i] ?? '0') === b[i]) i += 1;
  const prefix = b.slice(0, i);
  const dA = digit(a[i]);
  const dB = digit(b[i]);
  if (dB - dA > 1) return prefix + DIGITS[Math.round((dA + dB) / 2)];
  // Adjacent digits. If b continues, its prefix up to and including this digit lies strictly between.
  if (b.length > i + 1) return b.slice(0, i + 1);
  // Otherwise keep a's digit and go above the rest of a.
  return prefix + DIGITS[dA] + midpointToTop(a.slice(i + 1));
}

/**
 * Inserting at either end steps by one unit of the STEP_DIGITS-th digit, so a backlog built by
 * appending (or by pushing to the top) keeps keys at most STEP_DIGITS long for ~10^9 inserts,
 * instead of growing one character per ~35 inserts.
 */
const STEP_DIGITS = 6;

function toDigits(key: string): number[] {
  return key.padEnd(STEP_DIGITS, '0').slice(0, STEP_DIGITS).split('').map(digit);
}

function fromDigits(ds: number[]): string {
  return ds.map((d) => DIGITS[d]).join('').replace(/0+$/, '');
}

/** A short key after `a` with an open upper end (appending at the bottom of the backlog). */
function after(a: string): string {
  const ds = toDigits(a);
  for (let i = ds.length - 1; i >= 0; i -= 1) {
    if (ds[i] < BASE - 1) {
      ds[i] += 1;
      return fromDigits(ds);
    }
    ds[i] = 0;
  }
  return a + MIDDLE; // a starts with STEP_DIGITS 'z's: go deeper
}

/** A short key before `b` with an open lower end (inserting at the top). */
function before(b: string): string {
  const ds = toDigits(b);
  // A longer b already lies above its STEP_DIGITS prefix; a short one steps one unit down.
  if (b.length <= STEP_DIGITS) {
    for (let i = ds.length - 1; i >= 0; i -= 1) {
      if (ds[i] > 0) {
        ds[i] -= 1;
        break;
      }
      ds[i] = BASE - 1;
    }
  }
  const key = fromDigits(ds);
  if (key !== '' && key < b) return key;
  // b is within one step of zero: halve its last digit, or go one digit deeper.
  const last = digit(b[b.length - 1]);
  return last >= 2 ? b.slice(0, -1) + DIGITS[Math.floor(last / 2)] : b.slice(0, -1) + '0z';
}

function between(above: string | null, below: string | null): string {
  if (above !== null) assertKey(above, 'above');
  if (below !== null) assertKey(below, 'below');
  if (above === null && below === null) return MIDDLE;
  if (below === null) return after(above as string);
  if (above === null) return before(below);
  if (!(above < below)) {
    throw new DomainError(
      'RANK.INVALID_NEIGHBOURS',
      'The item above must rank strictly before the item below.',
      { above, below },
      'invariant',
    );
  }
  return midpoint(above, below);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const Rank = {
  /** The key of the first item of an empty backlog. */
  initial(): string {
    return MIDDLE;
  },
  /** A key strictly between the neighbours (null = open end). Throws RANK.INVALID_NEIGHBOURS unless above < below. */
  between,
  compare,
  isValid(key: string): boolean {
    return isValid(key);
  },
};
