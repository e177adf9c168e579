import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';

/**
 * Every metric is computed for an explicit list of backlogs (one backlog, or the portfolio the caller may
 * read) "as of" an instant: only decisions with occurred_at <= at exist for it.
 */
export interface MetricScope {
  database: string;
  backlogIds: string[];
  at: Date;
}

/** Bound query parameters shared by all metric queries (filters never reach SQL as text). */
export function scopeParams(scope: MetricScope): Record<string, unknown> {
  return { backlogs: scope.backlogIds, at: chTime(scope.at.toISOString()) };
}

/**
 * CTE `policy(backlog_id, zombie_after_days, stale_after_days, reversal_window_days, healthy_min, healthy_max,
 * review_cadence_days, outcome_due_days)`: each backlog's policy as it stood at {at}, defaults where a field is absent.
 */
export function policyCte(database: string): string {
  const field = (name: string, dflt: number) =>
    `if(JSONHas(argMax(policy, position), '${name}'), JSONExtractUInt(argMax(policy, position), '${name}'), ${dflt})`;
  const healthy = (name: 'min' | 'max', dflt: number) =>
    `if(JSONHas(argMax(policy, position), 'healthySprints', '${name}'), JSONExtractUInt(argMax(policy, position), 'healthySprints', '${name}'), ${dflt})`;
  return `policy AS (
    SELECT backlog_id,
      ${field('zombieAfterDays', DEFAULT_POLICY.zombieAfterDays)} AS zombie_after_days,
      ${field('staleAfterDays', DEFAULT_POLICY.staleAfterDays)} AS stale_after_days,
      ${field('reversalWindowDays', DEFAULT_POLICY.reversalWindowDays)} AS reversal_window_days,
      ${healthy('min', DEFAULT_POLICY.healthySprints.min)} AS healthy_min,
      ${healthy('max', DEFAULT_POLICY.healthySprints.max)} AS healthy_max,
      ${field('reviewCadenceDays', DEFAULT_POLICY.reviewCadenceDays)} AS review_cadence_days,
      ${field('outcomeDueDays', DEFAULT_POLICY.outcomeDueDays)} AS outcome_due_days
    FROM ${database}.backlog_decisions FINAL
    WHERE type IN ('backlog.created', 'backlog.policy-changed') AND item_id = ''
      AND backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:DateTime64(3, 'UTC')}
    GROUP BY backlog_id
  )`;
}
