import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import { policyCte, type MetricScope } from './scope';

/**
 * Outcome calibration (DOMAIN.md "Outcome calibration"; docs/metrics-decision-quality.md). For each item delivered in
 * [from, to) (and <= at), as of `at` (only decisions with occurred_at <= at exist):
 *  - decision-maker: the actor of its last reprioritization before it was started (before its delivery when it was
 *    never started), or who added it when there was none;
 *  - objective: the objective it was linked to when delivered (the latest of its add and links);
 *  - status: `validated` when the latest outcome on that objective recorded after the delivery says moved, `refuted`
 *    when it says not moved; without one, `overdue` once `outcomeDueDays` (the policy as of `at`) have passed since
 *    the delivery, else `unknown`; `no-objective` for an item delivered without a linked objective.
 * Reported in total, per backlog, per decision-maker and per month of delivery, with the delivery throughput next to
 * it; the overdue items are listed. The statuses are disjoint: delivered = validated + refuted + unknown + overdue +
 * noObjective. validationRate = validated ÷ (validated + refuted).
 */

export type CalibrationStatus = 'validated' | 'refuted' | 'unknown' | 'overdue' | 'no-objective';

export interface CalibrationCounts {
  /** Items delivered (the throughput). */
  delivered: number;
  validated: number;
  refuted: number;
  unknown: number;
  overdue: number;
  /** Delivered without a linked objective: nothing to calibrate. */
  noObjective: number;
  /** validated ÷ (validated + refuted); null while neither is known. */
  validationRate: number | null;
}

export interface CalibratedItem {
  backlogId: string;
  itemId: string;
  title: string;
  /** ISO-8601: when it was delivered. */
  deliveredAt: string;
  decisionMaker: string;
  objectiveId: string | null;
  status: CalibrationStatus;
  /** The outcome that decided validated / refuted (its event, when and what it observed); null otherwise. */
  outcome: { eventId: string; at: string; moved: boolean } | null;
  /** ISO-8601: when an outcome is due (delivery + outcomeDueDays); null without an objective. */
  dueAt: string | null;
  /** Whole days from delivery to `at`. */
  daysSinceDelivery: number;
}

export interface CalibrationReport {
  period: { from: string; to: string };
  at: string;
  totals: CalibrationCounts;
  byBacklog: Array<CalibrationCounts & { backlogId: string; outcomeDueDays: number }>;
  /** Most delivered first. */
  byDecisionMaker: Array<CalibrationCounts & { actorId: string }>;
  /** Every month of the period (UTC), oldest first, empty months included: throughput (delivered) next to validated. */
  byMonth: Array<CalibrationCounts & { month: string }>;
  /** Items delivered without an outcome after outcomeDueDays, longest overdue first, at most `listLimit` (500). */
  overdue: CalibratedItem[];
  truncated: boolean;
}

export interface CalibrationPeriod {
  from: Date;
  to: Date;
}

const T = `DateTime64(3, 'UTC')`;
const DAY_MS = 86_400_000;

interface ItemRow {
  backlog_id: string;
  item_id: string;
  title: string;
  delivered_at: string;
  decision_maker: string;
  objective_id: string;
  outcome_event: string;
  outcome_at: string;
  outcome_moved: number;
  has_outcome: number;
}

/**
 * One row per item delivered in the period: all its rows up to `at` are folded with the definition above. Every
 * comparison of "before" / "after" is in (occurred_at, position) order, as the reversal metric's.
 */
function itemsSql(database: string): string {
  const decisions = `${database}.decisions FINAL`;
  return `WITH
  delivered AS (
    SELECT item_id FROM ${decisions}
    WHERE backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:${T}} AND type = 'item.delivered'
      AND occurred_at >= {from:${T}} AND occurred_at < {to:${T}}
  ),
  folded AS (
    SELECT backlog_id, item_id,
      argMaxIf(title, position, type = 'item.added') AS title,
      argMaxIf(actor_id, position, type = 'item.added') AS adder,
      argMinIf((occurred_at, position), position, type = 'item.delivered') AS delivery,
      countIf(type = 'item.started') > 0 AS started,
      argMaxIf((occurred_at, position), position, type = 'item.started') AS start,
      argMaxIf(objective_id, position, type IN ('item.added', 'item.linked-to-objective')) AS objective,
      groupArrayIf((occurred_at, position, actor_id), type = 'item.reprioritized') AS moves,
      groupArrayIf((occurred_at, position, objective_id, moved, event_id), type = 'item.outcome-recorded') AS outcomes
    FROM ${decisions}
    WHERE backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:${T}} AND item_id IN (SELECT item_id FROM delivered)
    GROUP BY backlog_id, item_id
  )
  SELECT f.backlog_id AS backlog_id, f.item_id AS item_id, f.title AS title, f.delivery.1 AS delivered_at,
    if(f.started, f.start, f.delivery) AS cutoff,
    arraySort(m -> (m.1, m.2), arrayFilter(m -> (m.1, m.2) < cutoff, f.moves)) AS before,
    if(empty(before), f.adder, before[-1].3) AS decision_maker,
    f.objective AS objective_id,
    arraySort(o -> (o.1, o.2), arrayFilter(o -> o.3 = f.objective AND f.objective != '' AND (o.1, o.2) > f.delivery, f.outcomes)) AS after,
    NOT empty(after) AS has_outcome,
    if(empty(after), '', after[-1].5) AS outcome_event,
    if(empty(after), f.delivery.1, after[-1].1) AS outcome_at,
    if(empty(after), 0, ifNull(after[-1].4, 0)) AS outcome_moved
  FROM folded AS f
  WHERE f.delivery.1 >= {from:${T}} AND f.delivery.1 < {to:${T}}`;
}

const iso = (chTimeText: string): string => `${chTimeText.replace(' ', 'T')}Z`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function zero(): CalibrationCounts {
  return { delivered: 0, validated: 0, refuted: 0, unknown: 0, overdue: 0, noObjective: 0, validationRate: null };
}

function add(c: CalibrationCounts, status: CalibrationStatus): void {
  c.delivered += 1;
  if (status === 'no-objective') c.noObjective += 1;
  else c[status] += 1;
  c.validationRate = c.validated + c.refuted > 0 ? c.validated / (c.validated + c.refuted) : null;
}

/** YYYY-MM of each month (UTC) that overlaps [from, to). */
function months(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let y = from.getUTCFullYear(), m = from.getUTCMonth(); Date.UTC(y, m, 1) < to.getTime(); m === 11 ? ((m = 0), (y += 1)) : (m += 1)) {
    out.push(`${y}-${String(m + 1).padStart(2, '0')}`);
  }
  return out;
}

export async function calibration(
  client: ClickHouseClient,
  scope: MetricScope,
  period: CalibrationPeriod,
  options: { listLimit?: number } = {},
): Promise<CalibrationReport> {
  for (const [name, d] of [['at', scope.at], ['period.from', period.from], ['period.to', period.to]] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
  }
  if (period.from.getTime() > period.to.getTime()) throw new RangeError('period.from is after period.to');
  const listLimit = Math.max(0, Math.trunc(options.listLimit ?? 500));
  const monthKeys = period.from.getTime() === period.to.getTime() ? [] : months(period.from, period.to);
  const report: CalibrationReport = {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    at: scope.at.toISOString(),
    totals: zero(),
    byBacklog: [],
    byDecisionMaker: [],
    byMonth: monthKeys.map((month) => ({ month, ...zero() })),
    overdue: [],
    truncated: false,
  };
  if (scope.backlogIds.length === 0) return report;

  const [found, policies] = await Promise.all([
    client
      .query({
        query: itemsSql(scope.database),
        query_params: {
          backlogs: scope.backlogIds,
          at: chTime(scope.at.toISOString()),
          from: chTime(period.from.toISOString()),
          to: chTime(period.to.toISOString()),
        },
        format: 'JSONEachRow',
      })
      .then((rs) => rs.json<ItemRow>()),
    client
      .query({
        query: `WITH ${policyCte(scope.database)} SELECT backlog_id, outcome_due_days FROM policy`,
        query_params: { backlogs: scope.backlogIds, at: chTime(scope.at.toISOString()) },
        format: 'JSONEachRow',
      })
      .then((rs) => rs.json<{ backlog_id: string; outcome_due_days: number | string }>()),
  ]);
  const dueDays = new Map(policies.map((p) => [p.backlog_id, Number(p.outcome_due_days)]));
  const atMs = scope.at.getTime();
  const items: CalibratedItem[] = found.map((r) => {
    const deliveredAt = iso(r.delivered_at);
    const deliveredMs = Date.parse(deliveredAt);
    const objectiveId = r.objective_id === '' ? null : r.objective_id;
    const dueMs = deliveredMs + (dueDays.get(r.backlog_id) ?? DEFAULT_POLICY.outcomeDueDays) * DAY_MS;
    let status: CalibrationStatus;
    if (objectiveId === null) status = 'no-objective';
    else if (Number(r.has_outcome) === 1) status = Number(r.outcome_moved) === 1 ? 'validated' : 'refuted';
    else status = atMs >= dueMs ? 'overdue' : 'unknown';
    return {
      backlogId: r.backlog_id,
      itemId: r.item_id,
      title: r.title,
      deliveredAt,
      decisionMaker: r.decision_maker,
      objectiveId,
      status,
      outcome: Number(r.has_outcome) === 1 ? { eventId: r.outcome_event, at: iso(r.outcome_at), moved: Number(r.outcome_moved) === 1 } : null,
      dueAt: objectiveId === null ? null : new Date(dueMs).toISOString(),
      daysSinceDelivery: Math.floor((atMs - deliveredMs) / DAY_MS),
    };
  });

  const byBacklog = new Map(scope.backlogIds.map((b) => [b, { backlogId: b, outcomeDueDays: dueDays.get(b) ?? DEFAULT_POLICY.outcomeDueDays, ...zero() }]));
  const byActor = new Map<string, CalibrationCounts & { actorId: string }>();
  const byMonth = new Map(report.byMonth.map((m) => [m.month, m]));
  for (const item of items) {
    add(report.totals, item.status);
    const b = byBacklog.get(item.backlogId);
    if (b) add(b, item.status);
    const a = byActor.get(item.decisionMaker) ?? { actorId: item.decisionMaker, ...zero() };
    add(a, item.status);
    byActor.set(item.decisionMaker, a);
    const month = byMonth.get(item.deliveredAt.slice(0, 7));
    if (month) add(month, item.status);
  }
  report.byBacklog = [...byBacklog.values()];
  report.byDecisionMaker = [...byActor.values()].sort((x, y) => y.delivered - x.delivered || cmp(x.actorId, y.actorId));
  const overdue = items
    .filter((i) => i.status === 'overdue')
    .sort((x, y) => y.daysSinceDelivery - x.daysSinceDelivery || cmp(x.deliveredAt, y.deliveredAt) || cmp(x.itemId, y.itemId));
  report.truncated = overdue.length > listLimit;
  report.overdue = overdue.slice(0, listLimit);
  return report;
}
