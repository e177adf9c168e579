import type { ClickHouseClient } from '@clickhouse/client';
import { chTime } from '../projection/decision-row';
import type { ReversalPeriod } from './reversals';
import type { MetricScope } from './scope';

/**
 * Stakeholder influence (DOMAIN.md, "Report ... per stakeholder: escalations raised, share overturned";
 * docs/metrics-reversals.md). A stakeholder is the actor of an item.escalated event. The cohort is the
 * escalations *raised* in [from, to) (and <= at); each is classified by its resolution as of `at`, which
 * may lie after `to`: open (no resolution yet), upheld or overturned.
 */
export interface StakeholderInfluence {
  stakeholderId: string;
  escalationsRaised: number;
  resolved: number;
  overturned: number;
  upheld: number;
  open: number;
  /** overturned ÷ resolved (the "win rate"); null when none of them is resolved. */
  overturnedShare: number | null;
}

export interface InfluenceReport {
  period: { from: string; to: string };
  at: string;
  /** Most escalations raised first (then most overturned, then id). */
  stakeholders: StakeholderInfluence[];
  /** The same counts over all stakeholders. */
  totals: Omit<StakeholderInfluence, 'stakeholderId'>;
}

const T = `DateTime64(3, 'UTC')`;

interface Row {
  actor_id: string;
  raised: string;
  resolved: string;
  overturned: string;
  upheld: string;
}

function counts(raised: number, overturned: number, upheld: number): Omit<StakeholderInfluence, 'stakeholderId'> {
  const resolved = overturned + upheld;
  return {
    escalationsRaised: raised,
    resolved,
    overturned,
    upheld,
    open: raised - resolved,
    overturnedShare: resolved > 0 ? overturned / resolved : null,
  };
}

export async function influence(
  client: ClickHouseClient,
  scope: MetricScope,
  period: ReversalPeriod,
): Promise<InfluenceReport> {
  for (const [name, d] of [['at', scope.at], ['period.from', period.from], ['period.to', period.to]] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
  }
  if (period.from.getTime() > period.to.getTime()) throw new RangeError('period.from is after period.to');
  const report: InfluenceReport = {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    at: scope.at.toISOString(),
    stakeholders: [],
    totals: counts(0, 0, 0),
  };
  if (scope.backlogIds.length === 0) return report;

  const base = `${scope.database}.decisions FINAL`;
  const asOf = `backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:${T}}`;
  const rs = await client.query({
    query: `
      WITH
      raised AS (
        SELECT backlog_id, item_id, escalation_id, any(actor_id) AS actor_id
        FROM ${base}
        WHERE type = 'item.escalated' AND ${asOf} AND occurred_at >= {from:${T}} AND occurred_at < {to:${T}}
        GROUP BY backlog_id, item_id, escalation_id
      ),
      resolutions AS (
        SELECT backlog_id, item_id, escalation_id, argMax(outcome, (occurred_at, position)) AS outcome
        FROM ${base}
        WHERE type = 'item.escalation-resolved' AND ${asOf}
          AND (backlog_id, item_id) IN (SELECT backlog_id, item_id FROM raised)
        GROUP BY backlog_id, item_id, escalation_id
      )
      SELECT e.actor_id AS actor_id, count() AS raised,
        countIf(r.outcome IN ('overturned', 'upheld')) AS resolved,
        countIf(r.outcome = 'overturned') AS overturned,
        countIf(r.outcome = 'upheld') AS upheld
      FROM raised AS e
      LEFT JOIN resolutions AS r
        ON r.backlog_id = e.backlog_id AND r.item_id = e.item_id AND r.escalation_id = e.escalation_id
      GROUP BY e.actor_id
      ORDER BY raised DESC, overturned DESC, actor_id`,
    query_params: {
      backlogs: scope.backlogIds,
      at: chTime(scope.at.toISOString()),
      from: chTime(period.from.toISOString()),
      to: chTime(period.to.toISOString()),
    },
    format: 'JSONEachRow',
    clickhouse_settings: { join_use_nulls: 1 },
  });
  const rows = await rs.json<Row>();
  report.stakeholders = rows.map((r) => ({
    stakeholderId: r.actor_id,
    ...counts(Number(r.raised), Number(r.overturned), Number(r.upheld)),
  }));
  const sum = (k: 'escalationsRaised' | 'overturned' | 'upheld') => report.stakeholders.reduce((a, s) => a + s[k], 0);
  report.totals = counts(sum('escalationsRaised'), sum('overturned'), sum('upheld'));
  return report;
}
