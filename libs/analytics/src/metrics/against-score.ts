import type { ClickHouseClient } from '@clickhouse/client';
import { chTime } from '../projection/decision-row';
import type { MetricScope } from './scope';

/**
 * Decisions against the score (DOMAIN.md "Against the score"; docs/metrics-decision-quality.md; ADR 0033). A
 * reprioritization D of item I is against the score when, right after D, I ranks above at least one open item J it did
 * not rank above right before D, and score(J) at D's time > (1 + scoreMargin) × score(I); items without a score never
 * count, as I or as J. The decider judged each move when it was taken and froze the judgement into the event
 * (`scoreCheck`): here every row of `reprioritizations` is that judgement, so the report is a count over rows —
 * the same computed incrementally, rebuilt, or "as of" any instant (only rows with occurred_at <= at exist).
 */

export interface AgainstScorePeriod {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface AgainstScoreSplit {
  /** Reprioritizations in the period. */
  reprioritizations: number;
  /** Of those, judged: the moved item had a score (unscored items never count). */
  judged: number;
  /** Of those, against the score. */
  against: number;
  /** against ÷ reprioritizations (the DOMAIN.md share); null without reprioritizations. */
  share: number | null;
  /** against ÷ judged; null when none was judged. */
  shareOfJudged: number | null;
}

export interface PassedOver {
  itemId: string;
  title: string;
  /** Its score at the decision's time, as frozen in the decision. */
  score: number;
}

export interface AgainstScoreDecision {
  eventId: string;
  backlogId: string;
  itemId: string;
  title: string;
  /** ISO-8601 occurred-at. */
  at: string;
  actorId: string;
  trigger: string;
  fromPosition: number;
  toPosition: number;
  /** The moved item's frozen score, the model and the margin in force. */
  score: number;
  model: string;
  scoreMargin: number;
  /** How many items it was moved above against the score (the list holds at most 50, highest score first). */
  passedOverCount: number;
  passedOver: PassedOver[];
}

export interface AgainstScoreReport extends AgainstScoreSplit {
  period: { from: string; to: string };
  at: string;
  /** By trigger (routine, stakeholder-request, escalation, review, new-evidence), most against first. */
  byTrigger: Array<AgainstScoreSplit & { trigger: string }>;
  /** By the actor of the reprioritization, most against first. */
  byActor: Array<AgainstScoreSplit & { actorId: string }>;
  /** The reprioritizations against the score, most recent first, at most `listLimit` (default 500). */
  decisions: AgainstScoreDecision[];
  truncated: boolean;
}

export interface AgainstScoreTrendPoint {
  /** The point (ISO): computed as of this instant ... */
  at: string;
  /** ... over the reprioritizations in [from, at). */
  from: string;
  reprioritizations: number;
  judged: number;
  against: number;
  share: number | null;
}

const T = `DateTime64(3, 'UTC')`;
const DAY_MS = 86_400_000;
const DEFAULT_LIST_LIMIT = 500;
const IN_SCOPE = `backlog_id IN {backlogs:Array(String)} AND occurred_at <= {at:${T}}`;
const IN_PERIOD = `${IN_SCOPE} AND occurred_at >= {from:${T}} AND occurred_at < {to:${T}}`;

const int = (v: unknown): number => Number(v ?? 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const iso = (chTimeText: string): string => `${chTimeText.replace(' ', 'T')}Z`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkDate(name: string, d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
}

function checkPeriod(period: AgainstScorePeriod): void {
  checkDate('period.from', period.from);
  checkDate('period.to', period.to);
  if (period.from.getTime() > period.to.getTime()) throw new RangeError('period.from is after period.to');
}

async function rows<R>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<R[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<R>();
}

function split(reprioritizations: number, judged: number, against: number): AgainstScoreSplit {
  return { reprioritizations, judged, against, share: ratio(against, reprioritizations), shareOfJudged: ratio(against, judged) };
}

const COUNTS = `count() AS n, countIf(judged = 1) AS judged, countIf(passed_over_count > 0) AS against`;

interface CountRow {
  key: string;
  n: string;
  judged: string;
  against: string;
}

/** (event_id, backlog_id, item_id, occurred_at, actor_id, trigger, from, to, score, model, margin, count, passed_over) */
type Listed = [string, string, string, string, string, string, number, number, number, string, number, number | string, Array<[string, number]>];

/** The against-the-score report of `scope` for reprioritizations in [period.from, period.to) and <= scope.at. */
export async function againstTheScore(
  client: ClickHouseClient,
  scope: MetricScope,
  period: AgainstScorePeriod,
  options: { listLimit?: number } = {},
): Promise<AgainstScoreReport> {
  checkDate('at', scope.at);
  checkPeriod(period);
  const listLimit = Math.max(0, Math.trunc(options.listLimit ?? DEFAULT_LIST_LIMIT));
  const report: AgainstScoreReport = {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    at: scope.at.toISOString(),
    ...split(0, 0, 0),
    byTrigger: [],
    byActor: [],
    decisions: [],
    truncated: false,
  };
  if (scope.backlogIds.length === 0) return report;
  const table = `${scope.database}.reprioritizations FINAL`;
  const p = {
    backlogs: scope.backlogIds,
    at: chTime(scope.at.toISOString()),
    from: chTime(period.from.toISOString()),
    to: chTime(period.to.toISOString()),
    limit: listLimit + 1,
  };
  const [byTrigger, byActor, listed] = await Promise.all([
    rows<CountRow>(client, `SELECT trigger AS key, ${COUNTS} FROM ${table} WHERE ${IN_PERIOD} GROUP BY trigger`, p),
    rows<CountRow>(client, `SELECT actor_id AS key, ${COUNTS} FROM ${table} WHERE ${IN_PERIOD} GROUP BY actor_id`, p),
    rows<{ row: Listed }>(
      client,
      `SELECT (event_id, backlog_id, item_id, occurred_at, actor_id, trigger, from_position, to_position, assumeNotNull(score), model,
               score_margin, passed_over_count, passed_over) AS row
       FROM ${table} WHERE ${IN_PERIOD} AND passed_over_count > 0
       ORDER BY occurred_at DESC, position DESC LIMIT {limit:UInt32}`,
      p,
    ),
  ]);
  const splits = (rs: CountRow[]) => rs.map((r) => ({ key: r.key, ...split(int(r.n), int(r.judged), int(r.against)) }));
  const order = <S extends AgainstScoreSplit & { key: string }>(a: S, b: S) =>
    b.against - a.against || b.reprioritizations - a.reprioritizations || cmp(a.key, b.key);
  const triggers = splits(byTrigger).sort(order);
  Object.assign(
    report,
    split(
      triggers.reduce((a, x) => a + x.reprioritizations, 0),
      triggers.reduce((a, x) => a + x.judged, 0),
      triggers.reduce((a, x) => a + x.against, 0),
    ),
  );
  report.byTrigger = triggers.map(({ key, ...s }) => ({ trigger: key, ...s }));
  report.byActor = splits(byActor).sort(order).map(({ key, ...s }) => ({ actorId: key, ...s }));

  report.truncated = listed.length > listLimit;
  const decisions = listed.slice(0, listLimit).map((r) => r.row);
  const itemIds = [...new Set(decisions.flatMap((d) => [d[2], ...d[12].map((j) => j[0])]))];
  const titles = await itemTitles(client, scope, itemIds);
  report.decisions = decisions.map(([eventId, backlogId, itemId, at, actorId, trigger, from, to, score, model, margin, count, passed]) => ({
    eventId,
    backlogId,
    itemId,
    title: titles.get(itemId) ?? '',
    at: iso(at),
    actorId,
    trigger,
    fromPosition: int(from),
    toPosition: int(to),
    score: Number(score),
    model,
    scoreMargin: Number(margin),
    passedOverCount: int(count),
    passedOver: passed.map(([id, s]) => ({ itemId: id, title: titles.get(id) ?? '', score: Number(s) })),
  }));
  return report;
}

/** Titles of items of the scope as of `at` (the latest item.added row). */
async function itemTitles(client: ClickHouseClient, scope: MetricScope, itemIds: string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const found = await rows<{ item_id: string; title: string }>(
    client,
    `SELECT item_id, argMax(title, position) AS title FROM ${scope.database}.decisions FINAL
     WHERE ${IN_SCOPE} AND type = 'item.added' AND item_id IN {items:Array(String)} GROUP BY item_id`,
    { backlogs: scope.backlogIds, at: chTime(scope.at.toISOString()), items: itemIds },
  );
  return new Map(found.map((r) => [r.item_id, r.title]));
}

/** One backlog's numbers, exactly as `againstTheScore` reports them for it alone (the portfolio). */
export interface BacklogAgainstScore extends AgainstScoreSplit {
  backlogId: string;
}

export async function againstTheScoreByBacklog(client: ClickHouseClient, scope: MetricScope, period: AgainstScorePeriod): Promise<BacklogAgainstScore[]> {
  checkDate('at', scope.at);
  checkPeriod(period);
  if (scope.backlogIds.length === 0) return [];
  const found = await rows<CountRow>(
    client,
    `SELECT backlog_id AS key, ${COUNTS} FROM ${scope.database}.reprioritizations FINAL WHERE ${IN_PERIOD} GROUP BY backlog_id`,
    { backlogs: scope.backlogIds, at: chTime(scope.at.toISOString()), from: chTime(period.from.toISOString()), to: chTime(period.to.toISOString()) },
  );
  const byBacklog = new Map(found.map((r) => [r.key, r]));
  return scope.backlogIds.map((backlogId) => {
    const r = byBacklog.get(backlogId);
    return { backlogId, ...split(int(r?.n), int(r?.judged), int(r?.against)) };
  });
}

/**
 * The share at each point p, as of p over the reprioritizations in [p − windowDays, p) (default: the preceding week).
 * One query for all points: a row's judgement never changes after its decision, so each point equals
 * `againstTheScore` with at = p and period [p − windowDays, p).
 */
export async function againstTheScoreTrend(
  client: ClickHouseClient,
  scope: Pick<MetricScope, 'database' | 'backlogIds'>,
  points: Date[],
  windowDays = 7,
): Promise<AgainstScoreTrendPoint[]> {
  points.forEach((point, i) => checkDate(`points[${i}]`, point));
  if (!Number.isFinite(windowDays) || windowDays <= 0) throw new RangeError('windowDays must be a positive number');
  const windowMs = Math.round(windowDays * DAY_MS);
  const empty = (point: Date): AgainstScoreTrendPoint => ({
    at: point.toISOString(),
    from: new Date(point.getTime() - windowMs).toISOString(),
    reprioritizations: 0,
    judged: 0,
    against: 0,
    share: null,
  });
  if (points.length === 0 || scope.backlogIds.length === 0) return points.map(empty);
  const times = points.map((p) => p.getTime());
  const found = await rows<{ point: string; n: string; judged: string; against: string }>(
    client,
    // FINAL in a subquery: ARRAY JOIN next to FINAL multiplied rows not yet merged (a redelivered event counted twice).
    `SELECT point, ${COUNTS}
     FROM (SELECT occurred_at, judged, passed_over_count FROM ${scope.database}.reprioritizations FINAL WHERE ${IN_PERIOD})
     ARRAY JOIN arrayFilter(x -> occurred_at >= x - toIntervalMillisecond({window:Int64}) AND occurred_at < x, {points:Array(${T})}) AS point
     GROUP BY point`,
    {
      backlogs: scope.backlogIds,
      at: chTime(new Date(Math.max(...times)).toISOString()),
      from: chTime(new Date(Math.min(...times) - windowMs).toISOString()),
      to: chTime(new Date(Math.max(...times)).toISOString()),
      window: windowMs,
      // Distinct: a point given twice would join every row twice.
      points: [...new Set(times)].map((t) => chTime(new Date(t).toISOString())),
    },
  );
  const byTime = new Map(found.map((r) => [Date.parse(iso(r.point)), r]));
  return points.map((point) => {
    const r = byTime.get(point.getTime());
    const n = int(r?.n);
    const against = int(r?.against);
    return { ...empty(point), reprioritizations: n, judged: int(r?.judged), against, share: ratio(against, n) };
  });
}
