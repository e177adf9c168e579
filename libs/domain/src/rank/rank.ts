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
 * A short key after `a` with an open upper end (appending at the bottom of the backlog). Steps one
 * digit instead of halving, so repeated appends grow keys by one char per ~35 appends, not per ~5.
 */
function after(a: string): string {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== 'z') return a.slice(0, i) + DIGITS[digit(a[i]) + 1];
  }
  return a + '1';
}

/** A short key before `b` with an open lower end (inserting at the top), stepping one digit down. */
function before(b: string): string {
  for (let i = 0; i < b.length; i += 1) {
    if (digit(b[i]) >= 2) return b.slice(0, i) + DIGITS[digit(b[i]) - 1];
  }
  // b only has 0s and 1s and ends in '1': replace that last '1' by '0z'.
  return b.slice(0, -1) + '0z';
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
