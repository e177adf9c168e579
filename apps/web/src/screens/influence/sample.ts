/**
 * When a win rate is too thin to read. A stakeholder's win rate is overturned ÷ resolved escalations; with fewer than
 * MIN_RESOLVED resolved, the next resolution alone can move it by 20 percentage points or more (0 of 4 → 1 of 5; at
 * most 1 ÷ (n + 1)), so the screen marks it as a small sample instead of letting it read like a trait of the person. Open escalations are
 * neither wins nor losses and do not count toward n. (docs/web-app.md, "Influence: small samples".)
 */
export const MIN_RESOLVED = 5;

export function isSmallSample(resolved: number): boolean {
  return resolved < MIN_RESOLVED;
}

/** "3 of 4 (75 %)", or "none resolved" — the count always next to the rate. */
export function winRateText(overturned: number, resolved: number): string {
  if (resolved === 0) return 'none resolved';
  return `${overturned} of ${resolved} (${Math.round((overturned / resolved) * 1000) / 10} %)`;
}
