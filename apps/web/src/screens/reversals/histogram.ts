/**
 * Time to reversal, binned for the histogram: days from the reversed decision to the one reversing it. The bins
 * widen with time because most reprioritizations are reversed within the policy's window (30 days by default),
 * while a revival or an overturned escalation may come months later.
 */
export const BINS = [
  { label: '< 1 day', upTo: 1 },
  { label: '1–2 days', upTo: 3 },
  { label: '3–6 days', upTo: 7 },
  { label: '1–2 weeks', upTo: 14 },
  { label: '2–4 weeks', upTo: 30 },
  { label: '1–3 months', upTo: 90 },
  { label: '3 months or more', upTo: Infinity },
] as const;

export interface Bin {
  label: string;
  count: number;
}

/** Counts per bin (every bin, zeros included); reversals without a time (no reversed decision on record) are left out. */
export function timeToReversalHistogram(days: readonly (number | null)[]): Bin[] {
  const counts: number[] = BINS.map(() => 0);
  for (const d of days) {
    if (d === null || !Number.isFinite(d) || d < 0) continue;
    counts[BINS.findIndex((b) => d < b.upTo)] += 1;
  }
  return BINS.map((b, i) => ({ label: b.label, count: counts[i] }));
}

/** A rate (0–1 or null) as a percentage with one decimal; "—" without decisions. */
export const rate = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10} %`);

/** Fractional days, readable: hours under a day, else days with one decimal. */
export function duration(days: number | null): string {
  if (days === null) return '—';
  if (days < 1) return `${Math.round(days * 24 * 10) / 10} h`;
  return `${Math.round(days * 10) / 10} d`;
}
