import type { Zombie } from './queries';

export interface ReasonChip {
  /** Stable id (test hooks, React keys). */
  id: 'deferred' | 'no-objective' | 'review-passed' | 'in-progress-too-long' | 'escalated';
  /** What the chip says: a whole, readable phrase. */
  label: string;
  /** The rule behind it (docs/metrics-zombies-health.md), shown on hover and read by screen readers. */
  explanation: string;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * The reasons that make an item a zombie, beyond its staleness (shown in its own column), as readable chips —
 * in the order of their weight in the score.
 */
export function reasonChips(reasons: Zombie['reasons']): ReasonChip[] {
  const out: ReasonChip[] = [];
  if (reasons.noObjective) out.push({ id: 'no-objective', label: 'No objective linked', explanation: 'Neither added with an objective nor linked to one since (+1).' });
  if (reasons.killCriteriaReviewPassed)
    out.push({ id: 'review-passed', label: 'Kill-criteria review date passed', explanation: 'The review-by date of its latest kill criteria is in the past (+1).' });
  if (reasons.inProgressTooLong)
    out.push({ id: 'in-progress-too-long', label: 'In progress too long', explanation: 'Started at least the policy’s stale period ago and not delivered (+1).' });
  if (reasons.timesDeferred > 0)
    out.push({ id: 'deferred', label: `Deferred ${times(reasons.timesDeferred)}`, explanation: `Moved down the ranking ${times(reasons.timesDeferred)} since it was added (+0.5 each).` });
  if (reasons.escalations > 0)
    out.push({ id: 'escalated', label: `Escalated ${times(reasons.escalations)}`, explanation: `Stakeholders challenged decisions on it ${times(reasons.escalations)} (+0.5 each).` });
  return out;
}

/** A share (0–1) as a percentage with one decimal. */
export const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
