import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import { scopeParams, type MetricScope } from './scope';
import {
  ESTIMATE_TYPES_SQL,
  ITEM_AT_CTE,
  METRIC_QUERY_SETTINGS,
  OBJECTIVE_TYPES_SQL,
  OPEN_CODE,
  OPEN_TYPES_SQL,
  STATUS_TYPES_SQL,
  daysBetween,
  itemHistoryCte,
  pointParams,
  policyAtPointsCte,
  policyFields,
} from './zombies';

/*
 * Backlog health (DOMAIN.md, "Metric definitions": Health). docs/metrics-zombies-health.md states every
 * interpretation; health.int.spec.ts pins each clause. Same rules as zombies.ts: `decisions FINAL`, bound
 * parameters only, as of T = only rows with occurred_at <= T, "latest" = highest global position.
 */

/** How many of the most recent sprints (by sprint_ended_on) the average velocity is taken over. */
export const VELOCITY_SPRINTS = 3;
const EPSILON = 1e-9;

export type SizeVerdict = 'too-small' | 'healthy' | 'too-large' | 'unknown';

export interface BacklogSize {
  /** Ready = open and not started, as of T. */
  readyItems: number;
  /** Sum of the ready items' latest estimates (unestimated items count 0). */
  readyPoints: number;
  /** Average points of the last (up to) 3 sprints recorded as of T, by sprint end date; null when none. */
  averageVelocity: number | null;
  /** How many sprints that average is over (0..3). */
  sprintsInAverage: number;
  /** readyPoints ÷ averageVelocity; null when there is no (or only zero) velocity. */
  sizeInSprints: number | null;
  /** The healthy band from the policy as of T (healthySprints), inclusive at both ends. */
  band: { min: number; max: number };
  verdict: SizeVerdict;
}

export interface BacklogSizeOf extends BacklogSize {
  backlogId: string;
}

export interface MonthCount {
  /** 'YYYY-MM' (UTC). */
  month: string;
  count: number;
}

export interface DeliveryVsOutcomes {
  /** 'YYYY-MM' (UTC). */
  month: string;
  /** item.delivered events in the month. */
  delivered: number;
  /**
   * item.reopened events in the month: deliveries that did not hold (ADR 0025). A reopened delivery still counts
   * in the month it was delivered; the reopening is counted in its own month.
   */
  reopened: number;
  /** item.outcome-recorded events in the month with moved = true. */
  outcomesMoved: number;
  /** item.outcome-recorded events in the month with moved = false. */
  outcomesNotMoved: number;
}

export interface HealthReport {
  /** ISO instant the report is "as of". */
  at: string;
  /** ISO instants; the period is [from, to) and nothing after `at` counts. */
  period: { from: string; to: string };
  /** For the whole scope (one backlog: that backlog's; several: see docs). */
  size: BacklogSize;
  /** One entry per backlog of the scope, in the scope's order. */
  sizeByBacklog: BacklogSizeOf[];
  /** Open = open or in progress. */
  openItems: number;
  readyItems: number;
  /** Ready items with no estimate as of T; share = count / readyItems (0 when none). */
  readyWithoutEstimate: { count: number; share: number };
  /** Open items linked to an objective as of T; share = count / openItems (0 when none). */
  linkedToObjective: { count: number; share: number };
  /** Items whose status as of T is anti-backlog. */
  antiBacklogSize: number;
  /** item.killed events in [from, to), in total and per calendar month (every month of the period, zeros included). */
  kills: { count: number; byMonth: MonthCount[] };
  /** Age in whole days (since added) of the open items: exact quantiles (no interpolation); null without open items. */
  openItemAgeDays: { p50: number | null; p75: number | null; p90: number | null };
  /** Per calendar month of the period ("throughput up, results flat"). */
  deliveredVsOutcomes: DeliveryVsOutcomes[];
}

export interface SizeTrendPoint {
  /** ISO instant of the point (as given). */
  at: string;
  sizeInSprints: number | null;
  verdict: SizeVerdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Size in sprints

interface SizeInputs {
  readyItems: number;
  readyPoints: number;
  velocitySum: number;
  velocityCount: number;
  band: { min: number; max: number };
}

function verdictOf(size: number | null, band: { min: number; max: number }): SizeVerdict {
  if (size === null) return 'unknown';
  if (size < band.min - EPSILON) return 'too-small';
  if (size > band.max + EPSILON) return 'too-large';
  return 'healthy';
}

/** One backlog's size: readyPoints ÷ (velocitySum / velocityCount), computed as readyPoints × n ÷ sum. */
export function backlogSize(i: SizeInputs): BacklogSize {
  const hasVelocity = i.velocityCount > 0 && i.velocitySum > 0;
  const size = hasVelocity ? (i.readyPoints * i.velocityCount) / i.velocitySum : null;
  return {
    readyItems: i.readyItems,
    readyPoints: i.readyPoints,
    averageVelocity: i.velocityCount > 0 ? i.velocitySum / i.velocityCount : null,
    sprintsInAverage: i.velocityCount,
    sizeInSprints: size,
    band: i.band,
    verdict: verdictOf(size, i.band),
  };
}

/**
 * Several backlogs together: Σ ready points ÷ Σ average velocities (the teams' capacities add up); unknown when
 * no backlog has a velocity, or when a backlog with ready points has none (its work could not be sized); the
 * band is the widest of theirs (smallest min, largest max). One backlog: exactly its own size.
 */
export function combinedSize(sizes: BacklogSize[]): BacklogSize {
  if (sizes.length === 1) return sizes[0];
  const band =
    sizes.length === 0
      ? { ...DEFAULT_POLICY.healthySprints }
      : { min: Math.min(...sizes.map((s) => s.band.min)), max: Math.max(...sizes.map((s) => s.band.max)) };
  const readyItems = sizes.reduce((a, s) => a + s.readyItems, 0);
  const readyPoints = sizes.reduce((a, s) => a + s.readyPoints, 0);
  const sized = sizes.filter((s) => s.sizeInSprints !== null);
  const capacity = sized.reduce((a, s) => a + (s.averageVelocity ?? 0), 0);
  const unsizable = sizes.some((s) => s.sizeInSprints === null && s.readyPoints > 0);
  const size = sized.length === 0 || unsizable || capacity <= 0 ? null : readyPoints / capacity;
  return {
    readyItems,
    readyPoints,
    averageVelocity: sized.length ? capacity : null,
    sprintsInAverage: sized.length ? Math.min(...sized.map((s) => s.sprintsInAverage)) : 0,
    sizeInSprints: size,
    band,
    verdict: verdictOf(size, band),
  };
}

interface SizeKey {
  at: string;
  backlogId: string;
}
const keyOf = (k: SizeKey) => `${k.at}|${k.backlogId}`;
/** The key of backlogSizesAt's map: the point (ISO) and the backlog. */
export const sizeKey = (at: string, backlogId: string) => keyOf({ at, backlogId });

/**
 * Per point × backlog: the size inputs as of that point (one query per ingredient, each over all points).
 * Every (point, backlog) of the scope gets an entry (zeros, default band when the backlog has nothing yet).
 * `readyCounts`: the ready items/points per point and backlog from another pass over the same items (the
 * portfolio's item_state query), instead of a pass of its own.
 */
export async function backlogSizesAt(
  client: ClickHouseClient,
  scope: { database: string; backlogIds: string[] },
  points: Date[],
  readyCounts?: Promise<Array<{ at: string; backlogId: string; readyItems: number; readyPoints: number }>>,
): Promise<Map<string, BacklogSize>> {
  const out = new Map<string, BacklogSize>();
  if (points.length === 0 || scope.backlogIds.length === 0) return out;
  const db = scope.database;
  const params = pointParams(scope.backlogIds, points);
  const readyQuery = `WITH ${itemHistoryCte(db)}, ${ITEM_AT_CTE}
  SELECT at, backlog_id, count() AS ready_items, sum(ifNull(estimate, 0)) AS ready_points
  FROM item_at WHERE status = ${OPEN_CODE}
  GROUP BY at, backlog_id`;
  const velocityQuery = `SELECT at, backlog_id,
      arraySlice(arrayReverseSort(x -> (x.1, x.2),
        groupArray((ifNull(sprint_ended_on, toDate(0)), position, ifNull(points, 0)))), 1, ${VELOCITY_SPRINTS}) AS last_sprints,
      arraySum(x -> x.3, last_sprints) AS velocity_sum, length(last_sprints) AS velocity_count
    FROM ${db}.backlog_decisions FINAL
    ARRAY JOIN {points:Array(DateTime64(3, 'UTC'))} AS at
    WHERE type = 'backlog.sprint-velocity-recorded' AND backlog_id IN {backlogs:Array(String)} AND item_id = '' AND occurred_at <= at
    GROUP BY at, backlog_id`;
  const bandQuery = `WITH ${policyAtPointsCte(db)}
  SELECT at, backlog_id, ${policyFields('policy_json')} FROM policy_at`;
  const run = <T>(query: string) =>
    client
      .query({ query, query_params: params, format: 'JSONEachRow', clickhouse_settings: METRIC_QUERY_SETTINGS })
      .then((r) => r.json<T & { at: string; backlog_id: string }>());
  const [ready, velocity, bands] = await Promise.all([
    readyCounts
      ? readyCounts.then((rows) => rows.map((r) => ({ at: chTime(r.at), backlog_id: r.backlogId, ready_items: r.readyItems, ready_points: r.readyPoints })))
      : run<{ ready_items: number | string; ready_points: number }>(readyQuery),
    run<{ velocity_sum: number; velocity_count: number | string }>(velocityQuery),
    run<{ healthy_min: number | string; healthy_max: number | string }>(bandQuery),
  ]);
  const k = (r: { at: string; backlog_id: string }) => keyOf({ at: toIso(r.at), backlogId: r.backlog_id });
  const readyBy = new Map(ready.map((r) => [k(r), r]));
  const velocityBy = new Map(velocity.map((r) => [k(r), r]));
  const bandBy = new Map(bands.map((r) => [k(r), r]));
  for (const p of points) {
    for (const backlogId of scope.backlogIds) {
      const key = keyOf({ at: p.toISOString(), backlogId });
      const r = readyBy.get(key);
      const v = velocityBy.get(key);
      const b = bandBy.get(key);
      out.set(
        key,
        backlogSize({
          readyItems: Number(r?.ready_items ?? 0),
          readyPoints: Number(r?.ready_points ?? 0),
          velocitySum: Number(v?.velocity_sum ?? 0),
          velocityCount: Number(v?.velocity_count ?? 0),
          band: b
            ? { min: Number(b.healthy_min), max: Number(b.healthy_max) }
            : { ...DEFAULT_POLICY.healthySprints },
        }),
      );
    }
  }
  return out;
}

/** Size in sprints (and verdict) of the scope as of each point, in the order given. */
export async function sizeInSprintsTrend(
  client: ClickHouseClient,
  scope: { database: string; backlogIds: string[] },
  points: Date[],
): Promise<SizeTrendPoint[]> {
  const sizes = await backlogSizesAt(client, scope, points);
  return points.map((p) => {
    const at = p.toISOString();
    const s = combinedSize(scope.backlogIds.map((backlogId) => sizes.get(keyOf({ at, backlogId }))!));
    return { at, sizeInSprints: s.sizeInSprints, verdict: s.verdict };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Health

const toIso = (chTimeText: string) => `${chTimeText.replace(' ', 'T')}Z`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** 'YYYY-MM' of every calendar month (UTC) that overlaps [from, to). */
export function monthsOf(from: Date, to: Date): string[] {
  const months: string[] = [];
  if (to.getTime() <= from.getTime()) return months;
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (Date.UTC(y, m, 1) < to.getTime()) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return months;
}

interface ItemStatsRow {
  open_items: number | string;
  ready_items: number | string;
  ready_unestimated: number | string;
  linked: number | string;
  anti_backlog: number | string;
  ages: Array<number | string>;
}

interface MonthRow {
  month: string;
  kills: number | string;
  delivered: number | string;
  reopened: number | string;
  outcomes_moved: number | string;
  outcomes_not_moved: number | string;
}

/** Backlog health as of scope.at, with the per-period parts over [period.from, period.to). */
export async function health(
  client: ClickHouseClient,
  scope: MetricScope,
  period: { from: Date; to: Date },
): Promise<HealthReport> {
  const db = scope.database;
  const at = `{at:DateTime64(3, 'UTC')}`;
  const params = {
    ...scopeParams(scope),
    from: chTime(period.from.toISOString()),
    to: chTime(period.to.toISOString()),
  };
  const months = monthsOf(period.from, period.to);
  const itemsQuery = `WITH items AS (
    SELECT backlog_id, item_id,
      argMaxIf(type, position, type IN ${STATUS_TYPES_SQL}) AS status_type,
      minIf(occurred_at, type = 'item.added') AS added_at,
      argMaxIf(tuple(estimate), position, type IN ${ESTIMATE_TYPES_SQL}).1 AS latest_estimate,
      argMaxIf(objective_id, position, type IN ${OBJECTIVE_TYPES_SQL}) AS latest_objective_id
    FROM ${db}.decisions FINAL
    WHERE backlog_id IN {backlogs:Array(String)} AND item_id != '' AND occurred_at <= ${at}
    GROUP BY backlog_id, item_id
    HAVING countIf(type = 'item.added') > 0
  )
  SELECT
    countIf(status_type IN ${OPEN_TYPES_SQL}) AS open_items,
    countIf(status_type IN ('item.added', 'item.revived', 'item.reopened')) AS ready_items,
    countIf(status_type IN ('item.added', 'item.revived', 'item.reopened') AND latest_estimate IS NULL) AS ready_unestimated,
    countIf(status_type IN ${OPEN_TYPES_SQL} AND latest_objective_id != '') AS linked,
    countIf(status_type = 'item.moved-to-anti-backlog') AS anti_backlog,
    quantilesExactIf(0.5, 0.75, 0.9)(${daysBetween('added_at', at)}, status_type IN ${OPEN_TYPES_SQL}) AS ages
  FROM items`;
  const monthsQuery = `SELECT formatDateTime(occurred_at, '%Y-%m', 'UTC') AS month,
      countIf(type = 'item.killed') AS kills,
      countIf(type = 'item.delivered') AS delivered,
      countIf(type = 'item.reopened') AS reopened,
      countIf(type = 'item.outcome-recorded' AND moved = 1) AS outcomes_moved,
      countIf(type = 'item.outcome-recorded' AND moved = 0) AS outcomes_not_moved
    FROM ${db}.decisions FINAL
    WHERE backlog_id IN {backlogs:Array(String)}
      AND type IN ('item.killed', 'item.delivered', 'item.reopened', 'item.outcome-recorded')
      AND occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
      AND occurred_at <= ${at}
    GROUP BY month`;
  const empty = scope.backlogIds.length === 0;
  const [items, monthRows, sizes] = await Promise.all([
    empty
      ? Promise.resolve([] as ItemStatsRow[])
      : client
          .query({ query: itemsQuery, query_params: params, format: 'JSONEachRow', clickhouse_settings: METRIC_QUERY_SETTINGS })
          .then((r) => r.json<ItemStatsRow>()),
    empty || months.length === 0
      ? Promise.resolve([] as MonthRow[])
      : client
          .query({ query: monthsQuery, query_params: params, format: 'JSONEachRow', clickhouse_settings: METRIC_QUERY_SETTINGS })
          .then((r) => r.json<MonthRow>()),
    backlogSizesAt(client, scope, [scope.at]),
  ]);
  const it = items[0];
  const openItems = Number(it?.open_items ?? 0);
  const readyItems = Number(it?.ready_items ?? 0);
  const unestimated = Number(it?.ready_unestimated ?? 0);
  const linked = Number(it?.linked ?? 0);
  const ages = openItems > 0 && it ? it.ages.map(Number) : [null, null, null];
  const byMonth = new Map(monthRows.map((r) => [r.month, r]));
  const atIso = scope.at.toISOString();
  const sizeByBacklog = scope.backlogIds.map((backlogId) => ({ backlogId, ...sizes.get(keyOf({ at: atIso, backlogId }))! }));
  const killsByMonth = months.map((month) => ({ month, count: Number(byMonth.get(month)?.kills ?? 0) }));
  return {
    at: atIso,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    size: combinedSize(sizeByBacklog.map(({ backlogId: _, ...s }) => s)),
    sizeByBacklog,
    openItems,
    readyItems,
    readyWithoutEstimate: { count: unestimated, share: share(unestimated, readyItems) },
    linkedToObjective: { count: linked, share: share(linked, openItems) },
    antiBacklogSize: Number(it?.anti_backlog ?? 0),
    kills: { count: killsByMonth.reduce((a, m) => a + m.count, 0), byMonth: killsByMonth },
    openItemAgeDays: { p50: ages[0], p75: ages[1], p90: ages[2] },
    deliveredVsOutcomes: months.map((month) => {
      const r = byMonth.get(month);
      return {
        month,
        delivered: Number(r?.delivered ?? 0),
        reopened: Number(r?.reopened ?? 0),
        outcomesMoved: Number(r?.outcomes_moved ?? 0),
        outcomesNotMoved: Number(r?.outcomes_not_moved ?? 0),
      };
    }),
  };
}
