import type { KillThreshold, ThresholdOperator } from './item.events';

/**
 * Self-checking kill criteria (DOMAIN.md "Self-checking kill criteria"; ADR 0034). Pure: the caller passes the
 * outcomes recorded for the item after the criteria were set, and today's date.
 */

/** The number an observed value states: its leading decimal number ("1.8 %" → 1.8, "-3 pp" → -3), else null. */
export function observedNumber(observedValue: string): number | null {
  const m = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))(?![\d.])/.exec(observedValue);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

export function meetsThreshold(observed: number, operator: ThresholdOperator, value: number): boolean {
  switch (operator) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
  }
}

/** Operators as a person reads them. */
export const OPERATOR_TEXT: Record<ThresholdOperator, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** An outcome as the check sees it: recorded for the item, after its criteria were set. */
export interface CheckedOutcome {
  eventId: string;
  objectiveId: string;
  observedValue: string;
  /** ISO-8601 instant it occurred. */
  at: string;
}

export interface KillCriteriaUnderCheck {
  /** The item.kill-criteria-set event (one criteria set). */
  eventId: string;
  exitCondition: string;
  /** YYYY-MM-DD: the date by which the threshold is checked. */
  reviewBy: string;
  threshold: KillThreshold;
}

export type KillCriteriaBreach =
  | { kind: 'outcome-met'; outcome: CheckedOutcome & { observed: number } }
  | { kind: 'no-outcome-by-date'; reviewBy: string };

/** The first instant after the review date (UTC): when "the date passes". */
export function reviewDatePassesAt(reviewBy: string): string {
  return new Date(Date.parse(`${reviewBy}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/**
 * Breached when an outcome on the threshold's objective observes a number that meets the condition, or when the
 * review date passes (the start of the next UTC day) with no outcome on that objective stating a number recorded
 * before. Outcomes on other objectives, and values that state no number, cannot be checked and are not "an outcome
 * for it". The earliest breach is returned (outcomes are taken in the order given: time order); null while
 * neither holds as of `now` (ISO instant).
 */
export function killCriteriaBreach(criteria: KillCriteriaUnderCheck, outcomes: readonly CheckedOutcome[], now: string): KillCriteriaBreach | null {
  const { objectiveId, operator, value } = criteria.threshold;
  const nowMs = Date.parse(now);
  const passesAt = Date.parse(reviewDatePassesAt(criteria.reviewBy));
  const checkable = outcomes
    .filter((o) => o.objectiveId === objectiveId && Date.parse(o.at) <= nowMs)
    .map((o) => ({ ...o, observed: observedNumber(o.observedValue) }))
    .filter((o): o is CheckedOutcome & { observed: number } => o.observed !== null);
  const dateBreach = nowMs >= passesAt && (checkable.length === 0 || Date.parse(checkable[0].at) >= passesAt);
  const met = checkable.find((o) => meetsThreshold(o.observed, operator, value));
  if (dateBreach && (!met || Date.parse(met.at) >= passesAt)) return { kind: 'no-outcome-by-date', reviewBy: criteria.reviewBy };
  return met ? { kind: 'outcome-met', outcome: met } : null;
}

/** The criteria in words: `kill if the observed value of <objective> is < 2, checked by 2026-03-01`. */
export function describeThreshold(criteria: Pick<KillCriteriaUnderCheck, 'threshold' | 'reviewBy'>, objectiveTitle?: string): string {
  const t = criteria.threshold;
  const objective = objectiveTitle ? `"${objectiveTitle}" (${t.objectiveId})` : t.objectiveId;
  return `kill if the observed value of objective ${objective} is ${OPERATOR_TEXT[t.operator]} ${t.value}, checked by ${criteria.reviewBy}`;
}

/** The evidence of a breach in words, for the proposal's reason. */
export function describeBreach(breach: KillCriteriaBreach): string {
  if (breach.kind === 'outcome-met') {
    const o = breach.outcome;
    return `outcome ${o.eventId} recorded ${o.at} observed "${o.observedValue}" (${o.observed})`;
  }
  return `the check date ${breach.reviewBy} passed with no outcome on the objective`;
}
