import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import { policyCte, scopeParams, type MetricScope } from './scope';

/*
 * Zombie initiatives (DOMAIN.md, "Metric definitions": Progress event, Zombie). docs/metrics-zombies-health.md
 * states every interpretation; the golden tests in zombies.int.spec.ts pin each clause.
 *
 * All SQL reads `<db>.decisions FINAL` (redelivered rows collapse only under FINAL) and takes every filter as a
 * bound parameter; the only text interpolated is the (upstream-validated) database name and the constant
 * event-type lists below. "As of T": only rows with occurred_at <= T are read; "latest" always means the
 * highest global position among them (stream order, the order the deciders saw).
 */

const DAY_MS = 86_400_000;

/**
 * Settings for every query here. FINAL need not merge across partitions: a redelivered row is identical to the
 * first delivery, so it lands in the same partition. Since migration 0003 (ADR 0017) `decisions` has a single
 * partition, so this only matters for databases still on the monthly layout; it is kept because it is correct
 * for any partitioning by a column of the row.
 */
export const METRIC_QUERY_SETTINGS = { do_not_merge_across_partitions_select_final: 1 } as const;

const lit = (types: readonly string[]) => `(${types.map((t) => `'${t}'`).join(', ')})`;

/** Events that change an item's status; the latest one as of T decides it. */
export const STATUS_EVENT_TYPES = [
  'item.added',
  'item.revived',
  'item.reopened',
  'item.started',
  'item.delivered',
  'item.killed',
  'item.moved-to-anti-backlog',
] as const;
/** Status after a status event: open after added/revived/reopened (ADR 0025), in progress after started. */
export const OPEN_STATUS_EVENT_TYPES = ['item.added', 'item.revived', 'item.reopened', 'item.started'] as const;
/** DOMAIN.md "Progress event". Reprioritizations are not progress. */
export const PROGRESS_EVENT_TYPES = [
  'item.started',
  'item.delivered',
  'item.outcome-recorded',
  'item.estimated',
  'item.linked-to-objective',
  'item.kill-criteria-set',
] as const;

export const STATUS_TYPES_SQL = lit(STATUS_EVENT_TYPES);
export const OPEN_TYPES_SQL = lit(OPEN_STATUS_EVENT_TYPES);
export const PROGRESS_TYPES_SQL = lit(PROGRESS_EVENT_TYPES);
export const ESTIMATE_TYPES_SQL = lit(['item.added', 'item.estimated']);
export const OBJECTIVE_TYPES_SQL = lit(['item.added', 'item.linked-to-objective']);
export const POLICY_TYPES_SQL = lit(['backlog.created', 'backlog.policy-changed']);

/** Status codes used by the per-point (trend) queries. */
export const STATUS_CODE_SQL = `multiIf(type IN ('item.added', 'item.revived', 'item.reopened'), 1, type = 'item.started', 2, type = 'item.delivered', 3, type = 'item.killed', 4, 5)`;
export const OPEN_CODE = 1; // open and not started: "ready"
export const IN_PROGRESS_CODE = 2;

/** Whole days from `from` to `to` (both DateTime64(3)), rounded down. */
export const daysBetween = (from: string, to: string) =>
  `intDiv(toUnixTimestamp64Milli(${to}) - toUnixTimestamp64Milli(${from}), ${DAY_MS})`;

/** The policy fields from a policy JSON expression ('' → all defaults), as in scope.ts's policyCte. */
export function policyFields(json: string): string {
  const field = (name: string, dflt: number) =>
    `toUInt32(if(JSONHas(${json}, '${name}'), JSONExtractUInt(${json}, '${name}'), ${dflt}))`;
  const healthy = (name: 'min' | 'max', dflt: number) =>
    `toUInt32(if(JSONHas(${json}, 'healthySprints', '${name}'), JSONExtractUInt(${json}, 'healthySprints', '${name}'), ${dflt}))`;
  return `${field('zombieAfterDays', DEFAULT_POLICY.zombieAfterDays)} AS zombie_after_days,
      ${field('staleAfterDays', DEFAULT_POLICY.staleAfterDays)} AS stale_after_days,
      ${healthy('min', DEFAULT_POLICY.healthySprints.min)} AS healthy_min,
      ${healthy('max', DEFAULT_POLICY.healthySprints.max)} AS healthy_max`;
}

/**
 * CTE `policy_at(at, backlog_id, policy_json)`: each backlog's latest policy JSON as of each point of
 * {points:Array(DateTime64(3, 'UTC'))}. Backlogs without a policy event by then have no row.
 */
export function policyAtPointsCte(database: string): string {
  return `policy_at AS (
    SELECT at, backlog_id, argMax(policy, position) AS policy_json
    FROM ${database}.backlog_decisions FINAL
    ARRAY JOIN {points:Array(DateTime64(3, 'UTC'))} AS at
    WHERE type IN ${POLICY_TYPES_SQL} AND backlog_id IN {backlogs:Array(String)} AND item_id = '' AND occurred_at <= at
    GROUP BY at, backlog_id
  )`;
}

/**
 * CTE `item_history(backlog_id, item_id, added_at, statuses, progress, estimates)`: per item, everything needed
 * to know its status, last progress and estimate at any point up to {max_at}: arrays of
 * (occurred_at, position, value) sorted by position, so `arrayLast(x -> x.1 <= at, …)` is the latest as of `at`.
 */
export function itemHistoryCte(database: string): string {
  return `item_history AS (
    SELECT backlog_id, item_id,
      minIf(occurred_at, type = 'item.added') AS added_at,
      arraySort(x -> x.2, groupArrayIf((occurred_at, position, ${STATUS_CODE_SQL}), type IN ${STATUS_TYPES_SQL})) AS statuses,
      groupArrayIf(occurred_at, type IN ${PROGRESS_TYPES_SQL}) AS progress,
      arraySort(x -> x.2, groupArrayIf((occurred_at, position, estimate), type IN ${ESTIMATE_TYPES_SQL})) AS estimates
    FROM ${database}.decisions FINAL
    WHERE backlog_id IN {backlogs:Array(String)} AND item_id != '' AND occurred_at <= {max_at:DateTime64(3, 'UTC')}
    GROUP BY backlog_id, item_id
    HAVING countIf(type = 'item.added') > 0
  )`;
}

/**
 * CTE `item_at(at, backlog_id, item_id, added_at, status, last_progress_at, estimate)`: item_history evaluated at
 * each point (items not yet added at a point have no row for it).
 */
export const ITEM_AT_CTE = `item_at AS (
    SELECT at, backlog_id, item_id, added_at,
      arrayLast(x -> x.1 <= at, statuses).3 AS status,
      greatest(added_at, arrayMax(arrayFilter(t -> t <= at, progress))) AS last_progress_at,
      arrayLast(x -> x.1 <= at, estimates).3 AS estimate
    FROM item_history
    ARRAY JOIN {points:Array(DateTime64(3, 'UTC'))} AS at
    WHERE added_at <= at
  )`;

/** Bound parameters of the per-point queries. */
export function pointParams(backlogIds: string[], points: Date[]): Record<string, unknown> {
  const times = points.map((p) => chTime(p.toISOString()));
  const max = points.reduce((m, p) => (p.getTime() > m.getTime() ? p : m), points[0]);
  return { backlogs: backlogIds, points: times, max_at: chTime(max.toISOString()) };
}

// ---------------------------------------------------------------------------------------------------------------

export interface ZombieReasons {
  /**
   * Reprioritizations as of T that moved the item down: in the ranking, to a lower priority, or later in the
   * schedule (a sprint or release pushed later), exact or direction-only (`direction` > 0, migration 0007).
   */
  timesDeferred: number;
  /** No objective linked as of T (neither at add time nor by a later link). */
  noObjective: boolean;
  /** The latest kill criteria's review-by date lies before T's (UTC) date. */
  killCriteriaReviewPassed: boolean;
  /** In progress as of T, and its latest start is at least staleAfterDays ago (no delivery since). */
  inProgressTooLong: boolean;
  /** item.escalated events on the item as of T. */
  escalations: number;
}

export interface Zombie {
  itemId: string;
  backlogId: string;
  title: string;
  kind: string;
  status: 'open' | 'in-progress';
  /** Whole days since the item was (first) added. */
  ageDays: number;
  /** Whole days since the last progress event (or since added when there was none). */
  daysSinceProgress: number;
  /** ISO instant of that last progress event (or of the add). */
  lastProgressAt: string;
  /** Latest estimate as of T; null when never estimated. */
  estimate: number | null;
  reasons: ZombieReasons;
  /** See ZOMBIE_SCORE / docs/metrics-zombies-health.md. */
  score: number;
}

export interface ZombieReport {
  /** ISO instant the report is "as of". */
  at: string;
  /** Ordered by score desc, then ageDays desc, then itemId. */
  zombies: Zombie[];
  count: number;
  /** Open = open or in progress as of T. */
  openItems: number;
  /** count / openItems; 0 when there are no open items. */
  shareOfOpen: number;
  /** Sum of the zombies' latest estimates (unestimated count 0). */
  estimatedPointsOfZombies: number;
  /** Sum of the open items' latest estimates (unestimated count 0). */
  estimatedPointsOpen: number;
  /** estimatedPointsOfZombies / estimatedPointsOpen; 0 when there are no open points. */
  shareOfPoints: number;
}

/**
 * Score weights: score = daysSinceProgress / staleAfterDays (≥ 1 for every zombie)
 *   + 0.5 × timesDeferred + 1 × noObjective + 1 × killCriteriaReviewPassed + 1 × inProgressTooLong
 *   + 0.5 × escalations, rounded to 2 decimals.
 */
export const ZOMBIE_SCORE = {
  perDeferral: 0.5,
  noObjective: 1,
  killCriteriaReviewPassed: 1,
  inProgressTooLong: 1,
  perEscalation: 0.5,
} as const;

/** Open items as of {at} with their zombie facts and their backlog's policy as of {at}. */
function openItemsSql(database: string): string {
  const at = `{at:DateTime64(3, 'UTC')}`;
  return `WITH ${policyCte(database)},
  items AS (
    SELECT backlog_id, item_id,
      argMaxIf(type, position, type IN ${STATUS_TYPES_SQL}) AS status_type,
      minIf(occurred_at, type = 'item.added') AS added_at,
      argMaxIf(title, position, type = 'item.added') AS item_title,
      argMaxIf(kind, position, type = 'item.added') AS item_kind,
      greatest(added_at, maxIf(occurred_at, type IN ${PROGRESS_TYPES_SQL})) AS last_progress_at,
      argMaxIf(tuple(estimate), position, type IN ${ESTIMATE_TYPES_SQL}).1 AS latest_estimate,
      argMaxIf(objective_id, position, type IN ${OBJECTIVE_TYPES_SQL}) AS latest_objective_id,
      argMaxIf(tuple(review_by), position, type = 'item.kill-criteria-set').1 AS latest_review_by,
      argMaxIf(occurred_at, position, type = 'item.started') AS started_at,
      countIf(type = 'item.reprioritized' AND direction > 0) AS times_deferred,
      countIf(type = 'item.escalated') AS escalations
    FROM ${database}.decisions FINAL
    WHERE backlog_id IN {backlogs:Array(String)} AND item_id != '' AND occurred_at <= ${at}
    GROUP BY backlog_id, item_id
    HAVING countIf(type = 'item.added') > 0
  ),
  open_items AS (
    SELECT i.backlog_id AS backlog_id, i.item_id AS item_id, i.item_title AS title, i.item_kind AS kind,
      i.status_type AS status_type, i.latest_estimate AS estimate, i.last_progress_at AS last_progress_at,
      i.times_deferred AS times_deferred, i.escalations AS escalations,
      if(p.backlog_id = '', ${DEFAULT_POLICY.zombieAfterDays}, p.zombie_after_days) AS zad,
      greatest(if(p.backlog_id = '', ${DEFAULT_POLICY.staleAfterDays}, p.stale_after_days), 1) AS sad,
      ${daysBetween('i.added_at', at)} AS age_days,
      ${daysBetween('i.last_progress_at', at)} AS days_since_progress,
      i.latest_objective_id = '' AS no_objective,
      ifNull(i.latest_review_by < toDate(${at}), 0) AS kill_criteria_review_passed,
      i.status_type = 'item.started' AND ${daysBetween('i.started_at', at)} >= sad AS in_progress_too_long,
      age_days >= zad AND days_since_progress >= sad AS is_zombie
    FROM items AS i
    LEFT JOIN policy AS p ON p.backlog_id = i.backlog_id
    WHERE i.status_type IN ${OPEN_TYPES_SQL}
  )`;
}

interface ZombieRow {
  backlog_id: string;
  item_id: string;
  title: string;
  kind: string;
  status_type: string;
  age_days: number | string;
  days_since_progress: number | string;
  last_progress_at: string;
  estimate: number | null;
  times_deferred: number | string;
  no_objective: number;
  kill_criteria_review_passed: number;
  in_progress_too_long: number;
  escalations: number | string;
  is_zombie: number;
  score: number;
  open_total: number | string;
  points_open: number;
  points_zombies: number;
}

const toIso = (chTimeText: string) => `${chTimeText.replace(' ', 'T')}Z`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Zombies as of scope.at (DOMAIN.md "Zombie"). */
export async function zombies(client: ClickHouseClient, scope: MetricScope): Promise<ZombieReport> {
  const at = scope.at.toISOString();
  if (scope.backlogIds.length === 0) {
    return { at, zombies: [], count: 0, openItems: 0, shareOfOpen: 0, estimatedPointsOfZombies: 0, estimatedPointsOpen: 0, shareOfPoints: 0 };
  }
  const base = openItemsSql(scope.database);
  const params = scopeParams(scope);
  const s = ZOMBIE_SCORE;
  // One pass: the zombies, plus (on at least one row, even when there is no zombie) the totals over all open items.
  const query = `${base}
  SELECT * FROM (
    SELECT backlog_id, item_id, title, kind, status_type, age_days, days_since_progress, last_progress_at, estimate,
      times_deferred, no_objective, kill_criteria_review_passed, in_progress_too_long, escalations, is_zombie,
      round(days_since_progress / sad + ${s.perDeferral} * times_deferred + ${s.noObjective} * no_objective
        + ${s.killCriteriaReviewPassed} * kill_criteria_review_passed + ${s.inProgressTooLong} * in_progress_too_long
        + ${s.perEscalation} * escalations, 2) AS score,
      count() OVER () AS open_total,
      sum(ifNull(estimate, 0)) OVER () AS points_open,
      sumIf(ifNull(estimate, 0), is_zombie) OVER () AS points_zombies,
      row_number() OVER () AS rn
    FROM open_items
  )
  WHERE is_zombie OR rn = 1
  ORDER BY score DESC, age_days DESC, item_id ASC`;
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow', clickhouse_settings: METRIC_QUERY_SETTINGS });
  const rows = await rs.json<ZombieRow>();
  const list = rows.filter((r) => Number(r.is_zombie) === 1);
  const openItems = Number(rows[0]?.open_total ?? 0);
  const pointsOpen = Number(rows[0]?.points_open ?? 0);
  const pointsZombies = Number(rows[0]?.points_zombies ?? 0);
  return {
    at,
    zombies: list.map((r) => ({
      itemId: r.item_id,
      backlogId: r.backlog_id,
      title: r.title,
      kind: r.kind,
      status: r.status_type === 'item.started' ? 'in-progress' : 'open',
      ageDays: Number(r.age_days),
      daysSinceProgress: Number(r.days_since_progress),
      lastProgressAt: toIso(r.last_progress_at),
      estimate: r.estimate === null ? null : Number(r.estimate),
      reasons: {
        timesDeferred: Number(r.times_deferred),
        noObjective: Number(r.no_objective) === 1,
        killCriteriaReviewPassed: Number(r.kill_criteria_review_passed) === 1,
        inProgressTooLong: Number(r.in_progress_too_long) === 1,
        escalations: Number(r.escalations),
      },
      score: Number(r.score),
    })),
    count: list.length,
    openItems,
    shareOfOpen: share(list.length, openItems),
    estimatedPointsOfZombies: pointsZombies,
    estimatedPointsOpen: pointsOpen,
    shareOfPoints: share(pointsZombies, pointsOpen),
  };
}

// ---------------------------------------------------------------------------------------------------------------

export interface ZombieCountRow {
  /** ISO instant of the point. */
  at: string;
  backlogId: string;
  openItems: number;
  zombies: number;
  /** Ready (open, not started) items and the sum of their latest estimates: what health's size needs. */
  readyItems: number;
  readyPoints: number;
}

/**
 * Per point and backlog: open items and zombies as of that point (same definition as `zombies`, evaluated for
 * every point in one query: one pass over the events, then per item × point array look-ups), and the ready
 * items and points of the same pass (so the portfolio does not make a second pass for the size).
 * Backlogs with no item added by a point have no row for it.
 */
export async function zombieCountsAt(
  client: ClickHouseClient,
  scope: { database: string; backlogIds: string[] },
  points: Date[],
): Promise<ZombieCountRow[]> {
  if (points.length === 0 || scope.backlogIds.length === 0) return [];
  const db = scope.database;
  const query = `WITH ${policyAtPointsCte(db)}, ${itemHistoryCte(db)}, ${ITEM_AT_CTE},
  judged AS (
    SELECT i.at AS at, i.backlog_id AS backlog_id, i.status AS status, i.estimate AS estimate,
      ${daysBetween('i.added_at', 'i.at')} AS age_days,
      ${daysBetween('i.last_progress_at', 'i.at')} AS days_since_progress,
      ${policyFields('p.policy_json')}
    FROM item_at AS i
    LEFT JOIN policy_at AS p ON p.at = i.at AND p.backlog_id = i.backlog_id
  )
  SELECT at, backlog_id, countIf(status IN (${OPEN_CODE}, ${IN_PROGRESS_CODE})) AS open_items,
    countIf(status IN (${OPEN_CODE}, ${IN_PROGRESS_CODE}) AND age_days >= zombie_after_days
      AND days_since_progress >= greatest(stale_after_days, 1)) AS zombies,
    countIf(status = ${OPEN_CODE}) AS ready_items,
    sumIf(ifNull(estimate, 0), status = ${OPEN_CODE}) AS ready_points
  FROM judged
  GROUP BY at, backlog_id`;
  const rs = await client.query({ query, query_params: pointParams(scope.backlogIds, points), format: 'JSONEachRow', clickhouse_settings: METRIC_QUERY_SETTINGS });
  const rows = await rs.json<{ at: string; backlog_id: string; open_items: number | string; zombies: number | string; ready_items: number | string; ready_points: number }>();
  return rows.map((r) => ({
    at: toIso(r.at),
    backlogId: r.backlog_id,
    openItems: Number(r.open_items),
    zombies: Number(r.zombies),
    readyItems: Number(r.ready_items),
    readyPoints: Number(r.ready_points),
  }));
}

export interface ZombieTrendPoint {
  /** ISO instant of the point (as given). */
  at: string;
  count: number;
}

/** The zombie count as of each point (each computed from only the events up to it), in the order given. */
export async function zombieTrend(
  client: ClickHouseClient,
  scope: { database: string; backlogIds: string[] },
  points: Date[],
): Promise<ZombieTrendPoint[]> {
  const rows = await zombieCountsAt(client, scope, points);
  const byAt = new Map<string, number>();
  for (const r of rows) byAt.set(r.at, (byAt.get(r.at) ?? 0) + r.zombies);
  return points.map((p) => {
    const at = p.toISOString();
    return { at, count: byAt.get(at) ?? 0 };
  });
}
