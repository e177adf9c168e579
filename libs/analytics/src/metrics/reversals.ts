import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import type { MetricScope } from './scope';

/**
 * Decision reversals (DOMAIN.md, "Reversal"; docs/metrics-reversals.md). A decision D2 reverses an earlier
 * decision D1 on the same item when
 *  1. revive-after-kill: D2 = item.revived, D1 = the latest item.killed of that item before D2;
 *  2. overturned-escalation: D2 = item.escalation-resolved with outcome 'overturned', D1 = the decision the
 *     escalation was against (against_event_id);
 *  3. reprioritization-back: D1 and D2 are item.reprioritized, D2.at − D1.at ≤ reversalWindowDays (exact
 *     time, the policy in force at D2's time), opposite directions, and (D1.to − D2.to) / (D1.to − D1.from) ≥ ½.
 *     Both on the same scale (the ranking, or a priority scale whose levels stand for positions) and neither
 *     approximate: a move whose positions are unknown ("Ranked higher", a deferral) is never D1 or D2 (ADR 0025).
 * The change an overturned escalation requires (reprioritized / revived with trigger 'escalation') belongs
 * to the rule-2 reversal: it is neither a D2 of rules 1 and 3 nor a separate decision in the denominator.
 *
 * Everything is computed in ClickHouse from `<db>.decisions FINAL`, "as of" `scope.at` (only rows with
 * occurred_at <= at exist), every value a bound parameter.
 */

export type ReversalRule = 'revive-after-kill' | 'overturned-escalation' | 'reprioritization-back';

export interface ReversalPeriod {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** One decision event, as a reversal reports it. Positions are null where the event records none. */
export interface DecisionRef {
  eventId: string;
  type: string;
  /** ISO-8601 (UTC) occurred-at. */
  at: string;
  actorId: string;
  /** For a priority move (`scale` 'priority') the levels on the priority scale, 1 = highest. */
  fromPosition: number | null;
  toPosition: number | null;
  /** Reprioritizations: 'rank' (positions in the ranking) or 'priority' (levels); null for other decisions. */
  scale: string | null;
  /** False when the decision states no why (imported from a tracker that records none). */
  statedWhy: boolean;
}

export interface Reversal {
  backlogId: string;
  itemId: string;
  title: string;
  rule: ReversalRule;
  /** The reversed decision (for rule 2 the escalated decision); null only if it is not in the ledger as of `at`. */
  d1: DecisionRef | null;
  /** The reversing decision. */
  d2: DecisionRef;
  /** (D2.at − D1.at) in days (fractional); null when d1 is null. */
  days: number | null;
  /** Rule 2 only: the escalation, who raised it, and the change the overturning recorded (the auditor's chain). */
  escalation: { escalationId: string; raisedBy: string | null; change: DecisionRef | null } | null;
}

export interface RateSplit {
  decisions: number;
  reversals: number;
  /** reversals ÷ decisions; null when there are no decisions. */
  rate: number | null;
}

export interface ActorReversals {
  actorId: string;
  decisions: number;
  reversals: number;
  rate: number;
}

export interface FlipFlop {
  backlogId: string;
  itemId: string;
  title: string;
  reversals: number;
}

export interface ReversalReport {
  period: { from: string; to: string };
  at: string;
  /** Item decisions with occurred_at in [from, to) and <= at (excluding item.escalated and escalation-caused changes). */
  decisions: number;
  /** Of those, the decisions that reverse an earlier one (each counted once). */
  reversingDecisions: number;
  rate: number | null;
  /** escalation: resolutions (D2 of rule 2) over all escalation resolutions; other: rules 1 and 3 over every other decision. */
  byTrigger: { escalation: RateSplit; other: RateSplit };
  byRule: Record<ReversalRule, number>;
  /** By the actor of the decision (D2), most reversals first. */
  byActor: ActorReversals[];
  medianDaysToReversal: number | null;
  /** Items with the most reversing decisions in the period, at most 10. */
  topFlipFlops: FlipFlop[];
  /**
   * Of `decisions` and of `reversingDecisions`, those that state no why: imported from a tracker that records
   * none (their rationale only says where they came from). Shown as "no stated why".
   */
  withoutStatedWhy: { decisions: number; reversingDecisions: number };
  /** Most recent first, at most `listLimit` (default 500). */
  reversals: Reversal[];
  truncated: boolean;
}

export interface ReversalOptions {
  /** Cap of `reversals` (default 500). */
  listLimit?: number;
}

export interface ReversalTrendPoint {
  /** The point (ISO): computed as of this instant ... */
  at: string;
  /** ... over decisions in [from, at). */
  from: string;
  decisions: number;
  reversingDecisions: number;
  escalationReversals: number;
  rate: number | null;
}

const DAY_MS = 86_400_000;
const T = `DateTime64(3, 'UTC')`;
const DEFAULT_LIST_LIMIT = 500;
const TOP_FLIP_FLOPS = 10;
const DEFAULT_WINDOW = DEFAULT_POLICY.reversalWindowDays;
const POLICY_TYPES = `('backlog.created', 'backlog.policy-changed')`;

/** Scope and "as of": every row a metric may see. */
const AS_OF = `backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:${T}}`;
const IN_PERIOD = `${AS_OF} AND occurred_at >= {from:${T}} AND occurred_at < {to:${T}}`;
/**
 * The denominator ("all decisions"): item decision events, except item.escalated (a challenge, not a decision)
 * and the change an overturned escalation causes (part of the resolution decision).
 */
const COUNTED = `item_id != '' AND startsWith(type, 'item.') AND type != 'item.escalated'
  AND NOT (type IN ('item.reprioritized', 'item.revived') AND trigger = 'escalation')`;

/**
 * The policies of the scope as of `at` (few rows: one per backlog plus its changes), passed back to the main
 * queries as bound arrays so that each D2 can look up the reversal window in force at its own time.
 */
export interface Policies {
  pol_backlogs: string[];
  pol_at: string[];
  pol_pos: number[];
  pol_window: number[];
  /** The largest window any D2 can have, in ms: bounds the earlier moves a D2 is compared with. */
  wmax: number;
  /** The same in whole seconds (a RANGE frame offset must be a 32-bit integer; 2^31 − 1 s ≈ 68 years caps it). */
  wmax_s: number;
}

export async function loadPolicies(client: ClickHouseClient, database: string, backlogIds: string[], at: Date): Promise<Policies> {
  const found = await rows<{ backlog_id: string; occurred_at: string; position: string; window_days: string }>(
    client,
    `SELECT backlog_id, occurred_at, position,
       if(JSONHas(policy, 'reversalWindowDays'), JSONExtractUInt(policy, 'reversalWindowDays'), ${DEFAULT_WINDOW}) AS window_days
     FROM ${database}.backlog_decisions FINAL
     WHERE ${AS_OF} AND item_id = '' AND type IN ${POLICY_TYPES}
     ORDER BY occurred_at, position`,
    { backlogs: backlogIds, at: chTime(at.toISOString()) },
  );
  const windows = found.map((r) => int(r.window_days));
  return {
    pol_backlogs: found.map((r) => r.backlog_id),
    pol_at: found.map((r) => r.occurred_at),
    pol_pos: found.map((r) => Number(r.position)),
    pol_window: windows,
    wmax: Math.max(DEFAULT_WINDOW, ...windows) * DAY_MS,
    wmax_s: Math.min(2 ** 31 - 1, Math.max(DEFAULT_WINDOW, ...windows) * 86_400),
  };
}

/**
 * CTE `pol(pol_backlog, pol_list)`: per backlog, its policies as of `at` from the bound Policies arrays, as a list
 * of (occurred_at, position, reversal_window_days) sorted by (occurred_at, position). The window in force at a
 * decision's time is the last entry at or before (occurred_at, position); the default before the first.
 */
const POLICY_WINDOWS_CTE = `pol AS (
    SELECT z.1 AS pol_backlog, arraySort(x -> (x.1, x.2), groupArray((z.2, z.3, z.4))) AS pol_list
    FROM (SELECT arrayJoin(arrayZip({pol_backlogs:Array(String)}, {pol_at:Array(${T})}, {pol_pos:Array(UInt64)},
      {pol_window:Array(UInt32)})) AS z)
    GROUP BY pol_backlog
  )`;

/**
 * CTE `rev`: one row per reversing decision (D2) of the period, with `rule`, `d1` (the most recent reversed
 * decision as a tuple (event_id, type, occurred_at, actor_id, from_position, to_position); event_id '' when
 * it is not in the ledger) and `days`. Parameters: backlogs, from, to, at and the Policies arrays.
 *
 * Rules 1 and 3 need no join: `stream` holds, per item, the kills (all), the reprioritizations since
 * from − wmax and the candidate revivals of the period; window functions give each row the latest kill before
 * it (ordered by (occurred_at, position)) and the reprioritizations of the preceding wmax ms, among which the
 * row's own window (the policy in force at its time), direction and half-way conditions pick the most recent
 * qualifying D1. Rule 2 joins the (few) overturning resolutions to the decisions they were against.
 * The policies come in as bound arrays; `pol` groups them per backlog, so each D2 searches only its own
 * backlog's list (searching the whole list made a portfolio's cost grow with backlogs × rows).
 */
function reversedCte(database: string): string {
  const base = `${database}.decisions FINAL`;
  const resolutions = `SELECT event_id, backlog_id, item_id, type, actor_id, occurred_at, position, from_position, to_position,
        escalation_id, against_event_id, scale, stated_why
      FROM ${base}
      WHERE ${IN_PERIOD} AND item_id != '' AND type = 'item.escalation-resolved' AND outcome = 'overturned'`;
  return `
  stream AS (
    SELECT event_id, backlog_id, item_id, type, actor_id, occurred_at, position, from_position, to_position, escalation_id,
      scale, stated_why,
      toUnixTimestamp64Milli(occurred_at) AS t,
      intDiv(t, 1000) AS t_s,
      type IN ('item.revived', 'item.reprioritized') AND trigger != 'escalation' AND occurred_at >= {from:${T}} AS is_d2
    FROM ${base}
    WHERE ${AS_OF} AND occurred_at < {to:${T}} AND item_id != '' AND (
      type = 'item.killed'
      OR (type = 'item.revived' AND trigger != 'escalation' AND occurred_at >= {from:${T}})
      OR (type = 'item.reprioritized' AND approximate = 0 AND occurred_at >= {from:${T}} - toIntervalMillisecond({wmax:Int64})))
  ),
  framed AS (
    SELECT *,
      argMaxIf((event_id, occurred_at, actor_id, from_position, stated_why), (occurred_at, position), type = 'item.killed')
        OVER (PARTITION BY backlog_id, item_id ORDER BY occurred_at, position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_kill,
      groupArrayIf((event_id, occurred_at, position, actor_id, from_position, to_position, t, scale, stated_why), type = 'item.reprioritized')
        OVER (PARTITION BY backlog_id, item_id ORDER BY t_s RANGE BETWEEN {wmax_s:UInt32} PRECEDING AND CURRENT ROW) AS recent
    FROM stream
  ),
  ${POLICY_WINDOWS_CTE},
  r13 AS (
    SELECT *,
      arrayLastIndex(x -> (x.1, x.2) <= (occurred_at, position), pol_list) AS policy_index,
      toInt64(if(policy_index = 0, ${DEFAULT_WINDOW}, pol_list[policy_index].3)) * ${DAY_MS} AS window_ms,
      arrayLast(m -> (m.2, m.3) < (occurred_at, position) AND t - m.7 <= window_ms AND m.8 = scale
          AND sign(toInt64(m.6) - m.5) * sign(toInt64(to_position) - from_position) = -1
          AND 2 * (toInt64(m.6) - to_position) * (toInt64(m.6) - m.5) >= (toInt64(m.6) - m.5) * (toInt64(m.6) - m.5),
        arraySort(m -> (m.2, m.3), recent)) AS back_from
    FROM (SELECT * FROM framed WHERE is_d2) AS f
    LEFT JOIN pol ON pol.pol_backlog = f.backlog_id
    WHERE (type = 'item.revived' AND last_kill.1 != '') OR (type = 'item.reprioritized' AND back_from.1 != '')
  ),
  r2 AS (
    SELECT d.*, (p.event_id, p.type, p.occurred_at, p.actor_id, p.from_position, p.to_position, p.scale, p.stated_why) AS d1
    FROM (${resolutions}) AS d
    LEFT JOIN (
      SELECT event_id, type, occurred_at, actor_id, from_position, to_position, scale, stated_why
      FROM ${base}
      WHERE ${AS_OF} AND (backlog_id, item_id, event_id) IN (SELECT backlog_id, item_id, against_event_id FROM (${resolutions}))
    ) AS p ON p.event_id = d.against_event_id
  ),
  rev AS (
    SELECT *, if(d1.1 != '', (toUnixTimestamp64Milli(occurred_at) - toUnixTimestamp64Milli(d1.3)) / ${DAY_MS}, NULL) AS days
    FROM (
      SELECT event_id, backlog_id, item_id, type, actor_id, occurred_at, position, from_position, to_position, escalation_id,
        scale, stated_why,
        if(type = 'item.revived', 'revive-after-kill', 'reprioritization-back') AS rule,
        if(type = 'item.revived',
          (last_kill.1, 'item.killed', last_kill.2, last_kill.3, last_kill.4, 0, '', last_kill.5),
          (back_from.1, 'item.reprioritized', back_from.2, back_from.4, back_from.5, back_from.6, back_from.8, back_from.9)) AS d1
      FROM r13
      UNION ALL
      SELECT event_id, backlog_id, item_id, type, actor_id, occurred_at, position, from_position, to_position, escalation_id,
        scale, stated_why, 'overturned-escalation' AS rule, d1
      FROM r2
    )
  )`;
}

async function rows<R>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<R[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<R>();
}

const iso = (chTimeText: string): string => `${chTimeText.replace(' ', 'T')}Z`;
const int = (v: unknown): number => Number(v ?? 0);
const pos = (v: unknown): number | null => (v === null || v === undefined || Number(v) === 0 ? null : Number(v));
const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const finiteOrNull = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

function checkDate(name: string, d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
}

function checkPeriod(period: ReversalPeriod): void {
  checkDate('period.from', period.from);
  checkDate('period.to', period.to);
  if (period.from.getTime() > period.to.getTime()) throw new RangeError('period.from is after period.to');
}

function params(backlogIds: string[], at: Date, period: ReversalPeriod): Record<string, unknown> {
  return {
    backlogs: backlogIds,
    at: chTime(at.toISOString()),
    from: chTime(period.from.toISOString()),
    to: chTime(period.to.toISOString()),
  };
}

/** (event_id, type, occurred_at, actor_id, from_position, to_position, scale, stated_why) */
type D1Tuple = [string, string, string, string, number | string, number | string, string, number | string];
/** (event_id, backlog_id, item_id, rule, type, occurred_at, position, actor_id, from, to, escalation_id, d1, days, scale, stated_why) */
type ListedTuple = [
  string, string, string, ReversalRule, string, string, number | string, string,
  number | string, number | string, string, D1Tuple, number | null, string, number | string,
];
type MapPair<K> = [K[], Array<number | string>];

interface SummaryRow {
  reversing: string;
  no_why: string;
  r1: string;
  r2: string;
  r3: string;
  median_days: number | null;
  by_actor: MapPair<string>;
  by_item: MapPair<[string, string]>;
  last_by_item: MapPair<[string, string]>;
  listed: ListedTuple[];
}

interface DetailRow {
  backlog_id: string;
  item_id: string;
  type: string;
  event_id: string;
  occurred_at: string;
  actor_id: string;
  from_position: number;
  to_position: number;
  escalation_id: string;
  title: string;
  scale: string;
  stated_why: number | string;
}

/** The reversal report of `scope` for decisions (D2) in [period.from, period.to) and <= scope.at. */
export async function reversals(
  client: ClickHouseClient,
  scope: MetricScope,
  period: ReversalPeriod,
  options: ReversalOptions = {},
): Promise<ReversalReport> {
  checkDate('at', scope.at);
  checkPeriod(period);
  const listLimit = Math.max(0, Math.trunc(options.listLimit ?? DEFAULT_LIST_LIMIT));
  const report: ReversalReport = {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    at: scope.at.toISOString(),
    decisions: 0,
    reversingDecisions: 0,
    rate: null,
    byTrigger: { escalation: { decisions: 0, reversals: 0, rate: null }, other: { decisions: 0, reversals: 0, rate: null } },
    byRule: { 'revive-after-kill': 0, 'overturned-escalation': 0, 'reprioritization-back': 0 },
    byActor: [],
    medianDaysToReversal: null,
    topFlipFlops: [],
    withoutStatedWhy: { decisions: 0, reversingDecisions: 0 },
    reversals: [],
    truncated: false,
  };
  if (scope.backlogIds.length === 0) return report;

  const base = `${scope.database}.decisions FINAL`;
  const bound = params(scope.backlogIds, scope.at, period);
  const policies = await loadPolicies(client, scope.database, scope.backlogIds, scope.at);
  const p = { ...bound, ...policies, limit: listLimit + 1 };
  const [counted, summaries] = await Promise.all([
    rows<{ actor_id: string; decisions: string; resolutions: string; no_why: string }>(
      client,
      `SELECT actor_id, count() AS decisions, countIf(type = 'item.escalation-resolved') AS resolutions,
         countIf(stated_why = 0) AS no_why
       FROM ${base}
       WHERE ${IN_PERIOD} AND ${COUNTED}
       GROUP BY actor_id`,
      p,
    ),
    rows<SummaryRow>(
      client,
      `WITH ${reversedCte(scope.database)}
       SELECT count() AS reversing,
         countIf(stated_why = 0) AS no_why,
         countIf(rule = 'revive-after-kill') AS r1,
         countIf(rule = 'overturned-escalation') AS r2,
         countIf(rule = 'reprioritization-back') AS r3,
         quantileExactInclusive(0.5)(days) AS median_days,
         sumMap([actor_id], [toUInt64(1)]) AS by_actor,
         sumMap([(backlog_id, item_id)], [toUInt64(1)]) AS by_item,
         maxMap([(backlog_id, item_id)], [toUnixTimestamp64Milli(occurred_at)]) AS last_by_item,
         arraySlice(
           arraySort(x -> (-toUnixTimestamp64Milli(x.6), -toInt64(x.7)),
             groupArray((event_id, backlog_id, item_id, rule, type, occurred_at, position, actor_id,
               from_position, to_position, escalation_id, d1, days, scale, stated_why))),
           1, {limit:UInt32}) AS listed
       FROM rev`,
      p,
    ),
  ]);

  // Denominators and splits.
  let resolutions = 0;
  const decisionsByActor = new Map<string, number>();
  for (const r of counted) {
    decisionsByActor.set(r.actor_id, int(r.decisions));
    report.decisions += int(r.decisions);
    resolutions += int(r.resolutions);
    report.withoutStatedWhy.decisions += int(r.no_why);
  }
  const s = summaries[0];
  report.reversingDecisions = int(s.reversing);
  report.withoutStatedWhy.reversingDecisions = int(s.no_why);
  report.rate = ratio(report.reversingDecisions, report.decisions);
  report.byRule = { 'revive-after-kill': int(s.r1), 'overturned-escalation': int(s.r2), 'reprioritization-back': int(s.r3) };
  const escReversals = report.byRule['overturned-escalation'];
  const otherReversals = report.reversingDecisions - escReversals;
  report.byTrigger = {
    escalation: { decisions: resolutions, reversals: escReversals, rate: ratio(escReversals, resolutions) },
    other: {
      decisions: report.decisions - resolutions,
      reversals: otherReversals,
      rate: ratio(otherReversals, report.decisions - resolutions),
    },
  };
  report.medianDaysToReversal = report.reversingDecisions > 0 ? finiteOrNull(s.median_days) : null;

  const reversalsByActor = new Map(s.by_actor[0].map((actor, i) => [actor, int(s.by_actor[1][i])]));
  report.byActor = [...decisionsByActor]
    .map(([actorId, decisions]) => {
      const reversed = reversalsByActor.get(actorId) ?? 0;
      return { actorId, decisions, reversals: reversed, rate: reversed / decisions };
    })
    .sort((a, b) => b.reversals - a.reversals || b.decisions - a.decisions || cmp(a.actorId, b.actorId));

  const flips = s.by_item[0]
    .map(([backlogId, itemId], i) => ({ backlogId, itemId, reversals: int(s.by_item[1][i]), last: int(s.last_by_item[1][i]) }))
    .sort((a, b) => b.reversals - a.reversals || b.last - a.last || cmp(a.itemId, b.itemId))
    .slice(0, TOP_FLIP_FLOPS);

  report.truncated = s.listed.length > listLimit;
  const listed = s.listed.slice(0, listLimit);

  // Titles of the reported items; escalation raiser and the change it caused, for the listed rule-2 reversals.
  const items = [...new Set([...flips.map((f) => f.itemId), ...listed.map((l) => l[2])])];
  const escalations = [...new Set(listed.filter((l) => l[3] === 'overturned-escalation').map((l) => l[10]))];
  const details = items.length
    ? await rows<DetailRow>(
        client,
        `SELECT backlog_id, item_id, type, event_id, occurred_at, actor_id, from_position, to_position, escalation_id, title,
           scale, stated_why
         FROM ${base}
         WHERE ${AS_OF} AND item_id IN {items:Array(String)}
           AND (type = 'item.added'
             OR (escalation_id IN {escalations:Array(String)} AND (type = 'item.escalated'
               OR (type IN ('item.reprioritized', 'item.revived') AND trigger = 'escalation'))))
         ORDER BY position`,
        { backlogs: scope.backlogIds, at: bound.at, items, escalations },
      )
    : [];
  const key = (backlogId: string, id: string) => `${backlogId}\u0000${id}`;
  const titles = new Map<string, string>();
  const raisedBy = new Map<string, string>();
  const changes = new Map<string, DecisionRef>();
  for (const d of details) {
    // ORDER BY position: the latest row wins.
    if (d.type === 'item.added') titles.set(key(d.backlog_id, d.item_id), d.title);
    else if (d.type === 'item.escalated') raisedBy.set(key(d.backlog_id, d.escalation_id), d.actor_id);
    else
      changes.set(key(d.backlog_id, d.escalation_id), {
        eventId: d.event_id,
        type: d.type,
        at: iso(d.occurred_at),
        actorId: d.actor_id,
        fromPosition: pos(d.from_position),
        toPosition: pos(d.to_position),
        scale: scaleOf(d.scale),
        statedWhy: int(d.stated_why) !== 0,
      });
  }

  report.topFlipFlops = flips.map(({ backlogId, itemId, reversals: n }) => ({
    backlogId,
    itemId,
    title: titles.get(key(backlogId, itemId)) ?? '',
    reversals: n,
  }));
  report.reversals = listed.map(([eventId, backlogId, itemId, rule, type, at, , actorId, from, to, escalationId, d1, days, scale, why]) => ({
    backlogId,
    itemId,
    title: titles.get(key(backlogId, itemId)) ?? '',
    rule,
    d1:
      d1[0] === ''
        ? null
        : {
            eventId: d1[0],
            type: d1[1],
            at: iso(d1[2]),
            actorId: d1[3],
            fromPosition: pos(d1[4]),
            toPosition: pos(d1[5]),
            scale: scaleOf(d1[6]),
            statedWhy: int(d1[7]) !== 0,
          },
    d2: { eventId, type, at: iso(at), actorId, fromPosition: pos(from), toPosition: pos(to), scale: scaleOf(scale), statedWhy: int(why) !== 0 },
    days: finiteOrNull(days),
    escalation:
      rule === 'overturned-escalation'
        ? {
            escalationId,
            raisedBy: raisedBy.get(key(backlogId, escalationId)) ?? null,
            change: changes.get(key(backlogId, escalationId)) ?? null,
          }
        : null,
  }));
  return report;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const scaleOf = (v: string): string | null => (v === '' ? null : v);

/** One backlog's decisions, reversing decisions and rate, exactly as `reversals` reports them for it alone. */
export interface BacklogReversalRate {
  backlogId: string;
  decisions: number;
  reversingDecisions: number;
  rate: number | null;
}

/**
 * The reversal rate of each backlog of the scope (in the scope's order), in two queries for all of them instead
 * of one `reversals` report per backlog (the portfolio). Same CTE and denominator as `reversals`; every rule is
 * evaluated per item and each D2 looks up its own backlog's window (the policy arrays are matched on
 * backlog_id), so grouping by backlog gives each backlog exactly its own report's numbers.
 */
export async function reversalRatesByBacklog(
  client: ClickHouseClient,
  scope: MetricScope,
  period: ReversalPeriod,
): Promise<BacklogReversalRate[]> {
  checkDate('at', scope.at);
  checkPeriod(period);
  if (scope.backlogIds.length === 0) return [];
  const policies = await loadPolicies(client, scope.database, scope.backlogIds, scope.at);
  const p = { ...params(scope.backlogIds, scope.at, period), ...policies };
  const [counted, reversed] = await Promise.all([
    rows<{ backlog_id: string; decisions: string }>(
      client,
      `SELECT backlog_id, count() AS decisions FROM ${scope.database}.decisions FINAL
       WHERE ${IN_PERIOD} AND ${COUNTED} GROUP BY backlog_id`,
      p,
    ),
    rows<{ backlog_id: string; reversing: string }>(
      client,
      `WITH ${reversedCte(scope.database)} SELECT backlog_id, count() AS reversing FROM rev GROUP BY backlog_id`,
      p,
    ),
  ]);
  const decisions = new Map(counted.map((r) => [r.backlog_id, int(r.decisions)]));
  const reversing = new Map(reversed.map((r) => [r.backlog_id, int(r.reversing)]));
  return scope.backlogIds.map((backlogId) => {
    const d = decisions.get(backlogId) ?? 0;
    const r = reversing.get(backlogId) ?? 0;
    return { backlogId, decisions: d, reversingDecisions: r, rate: ratio(r, d) };
  });
}

/**
 * The reversal rate at each point p, computed as of p over the decisions in [p − windowDays, p) (default: the
 * preceding week). Two queries for all points: whether a decision reverses depends only on decisions before it
 * and on the policy in force at its own time, so every D2 before p is classified identically as of p and as
 * of the last point (each point equals `reversals` with at = p and period [p − windowDays, p)).
 */
export async function reversalRateTrend(
  client: ClickHouseClient,
  scope: Pick<MetricScope, 'database' | 'backlogIds'>,
  points: Date[],
  windowDays = 7,
): Promise<ReversalTrendPoint[]> {
  points.forEach((point, i) => checkDate(`points[${i}]`, point));
  if (!Number.isFinite(windowDays) || windowDays <= 0) throw new RangeError('windowDays must be a positive number');
  const windowMs = Math.round(windowDays * DAY_MS);
  const empty = (point: Date): ReversalTrendPoint => ({
    at: point.toISOString(),
    from: new Date(point.getTime() - windowMs).toISOString(),
    decisions: 0,
    reversingDecisions: 0,
    escalationReversals: 0,
    rate: null,
  });
  if (points.length === 0 || scope.backlogIds.length === 0) return points.map(empty);

  const times = points.map((p) => p.getTime());
  const last = new Date(Math.max(...times));
  const first = new Date(Math.min(...times) - windowMs);
  const policies = await loadPolicies(client, scope.database, scope.backlogIds, last);
  const p = {
    ...params(scope.backlogIds, last, { from: first, to: last }),
    ...policies,
    window: windowMs,
    points: points.map((point) => chTime(point.toISOString())),
  };
  const bucket = `ARRAY JOIN arrayFilter(x -> occurred_at >= x - toIntervalMillisecond({window:Int64}) AND occurred_at < x,
    {points:Array(${T})}) AS point`;
  const [counted, reversed] = await Promise.all([
    rows<{ point: string; decisions: string }>(
      client,
      `SELECT point, count() AS decisions FROM ${scope.database}.decisions FINAL ${bucket}
       WHERE ${IN_PERIOD} AND ${COUNTED} GROUP BY point`,
      p,
    ),
    rows<{ point: string; reversing: string; escalation: string }>(
      client,
      `WITH ${reversedCte(scope.database)}
       SELECT point, count() AS reversing, countIf(rule = 'overturned-escalation') AS escalation
       FROM rev ${bucket} GROUP BY point`,
      p,
    ),
  ]);
  const byTime = <R extends { point: string }>(rs: R[]) => new Map(rs.map((r) => [Date.parse(iso(r.point)), r]));
  const decisions = byTime(counted);
  const reversing = byTime(reversed);
  return points.map((point) => {
    const d = int(decisions.get(point.getTime())?.decisions);
    const r = reversing.get(point.getTime());
    return {
      ...empty(point),
      decisions: d,
      reversingDecisions: int(r?.reversing),
      escalationReversals: int(r?.escalation),
      rate: ratio(int(r?.reversing), d),
    };
  });
}
