import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import { itemStateSelect } from '../projection/item-state';
import { backlogSizesAt, sizeKey, type BacklogSize } from './health';
import { loadPolicies, type ReversalPeriod } from './reversals';
import { policyCte, type MetricScope } from './scope';
import { METRIC_QUERY_SETTINGS } from './zombies';

const DAY_MS = 86_400_000;

/**
 * The portfolio's headline numbers per backlog (ADR 0018), from `item_state` (one row per item, kept by the
 * projector) instead of every decision of every backlog. Same definitions as the per-backlog reports — open items
 * and zombies as `zombies`, ready items and points as health's size, decisions and reversing decisions as
 * `reversals` — and as exact "as of" any instant: items with a decision after `at` are evaluated from their
 * decision rows up to `at` (the same item-state SQL, filtered), every other item from its stored row, which is
 * its state as of any instant after its last decision. The portfolio tests pin the equality with the reports.
 */
export interface PortfolioRow {
  backlogId: string;
  openItems: number;
  zombies: number;
  size: BacklogSize;
  decisions: number;
  reversingDecisions: number;
  /** reversingDecisions ÷ decisions over the period; null without decisions. */
  reversalRate: number | null;
}

interface Row {
  backlog_id: string;
  open_items: string | number;
  zombies: string | number;
  ready_items: string | number;
  ready_points: number;
  decisions: string | number;
  reversing: string | number;
}

const COLUMNS = 'backlog_id, item_id, added, added_at, status_type, last_progress_at, latest_estimate, decided_at, reversals';

/**
 * The items of the scope with a decision after {at}. No FINAL needed: an item's last_occurred_at never decreases
 * from one version of its row to the next, so some version is after {at} exactly when the latest one is; the
 * minmax index on last_occurred_at skips every granule when nothing is (at = now).
 */
const changedSql = (database: string) =>
  `SELECT DISTINCT item_id FROM ${database}.item_state
   WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at > {at:DateTime64(3, 'UTC')}`;

/** At most this many items with decisions after `at` are passed as a bound list; more are selected in SQL. */
const LISTED_MAX = 10_000;

interface SqlShape {
  /**
   * Items of the scope with a decision after `at` are evaluated from their decision rows up to `at`; this says how
   * they are named: none (the usual "now"), listed in {changed}, or (many: an early `at`) by a subquery.
   */
  changed: 'none' | 'listed' | 'subquery';
  /** Some backlogs' thresholds differ: items between the scope-wide bounds look theirs up. */
  zombieBand: boolean;
  windowBand: boolean;
}

function portfolioSql(database: string, shape: SqlShape): string {
  const { changed } = shape;
  const at = `{at:DateTime64(3, 'UTC')}`;
  const items =
    changed === 'listed'
      ? '{changed:Array(String)}'
      : `(${changedSql(database)})`;
  const fromHistory =
    changed === 'none'
      ? ''
      : `UNION ALL
    SELECT ${COLUMNS}, toInt8(1) AS sign FROM (${itemStateSelect(database, `backlog_id IN {backlogs:Array(String)} AND occurred_at <= ${at} AND item_id IN ${items}`)})`;
  const ms = (column: string) => `toUnixTimestamp64Milli(${column})`;
  const perBacklog = (values: string, dflt: number) =>
    `transform(s.backlog_id, {t_backlogs:Array(String)}, {${values}:Array(Int64)}, toInt64(${dflt}))`;
  // The window in force at (d.1, d.2): the latest of the backlog's policies at or before it, the default before any.
  const policies = `arrayZip({pol_backlogs:Array(String)}, {pol_at:Array(DateTime64(3, 'UTC'))}, {pol_pos:Array(UInt64)}, {pol_window:Array(UInt32)})`;
  const windowMs = `toInt64(arrayElement(arrayPushFront(arrayMap(x -> toUInt32(x.4), ${policies}), toUInt32(${DEFAULT_POLICY.reversalWindowDays})),
          arrayLastIndex(x -> x.1 = s.backlog_id AND (x.2, x.3) <= (d.1, d.2), ${policies}) + 1)) * ${DAY_MS}`;
  const age = `{at_ms:Int64} - ${ms('s.added_at')}`;
  const stale = `{at_ms:Int64} - ${ms('s.last_progress_at')}`;
  // Scope-wide bounds settle most items without a per-row look-up (which cost ~35 ms per value at 1.7M items):
  // at or past the largest threshold holds in every backlog, below the smallest in none; only items between
  // look up their backlog's own value (the `OR` short-circuits for the others).
  const zombie = shape.zombieBand
    ? `${age} >= {zombie_lo:Int64} AND ${stale} >= {stale_lo:Int64} AND (${age} >= {zombie_hi:Int64} AND ${stale} >= {stale_hi:Int64}
          OR ${age} >= ${perBacklog('t_zombie_ms', DEFAULT_POLICY.zombieAfterDays * DAY_MS)} AND ${stale} >= ${perBacklog('t_stale_ms', DEFAULT_POLICY.staleAfterDays * DAY_MS)})`
    : `${age} >= {zombie_lo:Int64} AND ${stale} >= {stale_lo:Int64}`;
  // No "<= at" needed: a stored row's decisions all precede its last_occurred_at <= at, and history is read up to at.
  const inPeriod = (t: string) => `${t} >= {from:DateTime64(3, 'UTC')} AND ${t} < {to:DateTime64(3, 'UTC')}`;
  // gap 0 (rules 1, 2) reverses whatever the window; a rule-3 gap within every window of the scope reverses,
  // beyond all of them it does not; only a gap in between looks up the window in force at its own time.
  // (One pass over the array; only the few gaps in between are copied out for the look-up.)
  const reversingSure = `arrayCount(d -> ${inPeriod('d.1')} AND d.3 <= {window_lo:Int64}, s.reversals)`;
  const reversing = shape.windowBand
    ? `${reversingSure}
        + arrayCount(d -> d.3 <= ${windowMs}, arrayFilter(d -> ${inPeriod('d.1')} AND d.3 > {window_lo:Int64} AND d.3 <= {window_hi:Int64}, s.reversals))`
    : reversingSure;
  const scalars = `sumIf(s.sign, s.added AND s.status_type IN ('item.added', 'item.revived', 'item.reopened', 'item.started') AS open) AS open_items,
      -- whole days >= N  <=>  ms >= N days (the differences are never negative: nothing after {at} is read)
      sumIf(s.sign, open AND ${zombie}) AS zombies,
      sumIf(s.sign, s.added AND s.status_type IN ('item.added', 'item.revived', 'item.reopened') AS ready) AS ready_items,
      -- in decimal: +x and -x cancel exactly, whatever the order the rows are summed in
      sumIf(s.sign * toDecimal128(ifNull(s.latest_estimate, 0), 9), ready) AS ready_points`;
  const inThePeriod = `sum(s.sign * arrayCount(t -> ${inPeriod('t')}, s.decided_at)) AS decisions, sum(s.sign * (${reversing})) AS reversing`;
  const noScalars = '0 AS open_items, 0 AS zombies, 0 AS ready_items, toDecimal128(0, 9) AS ready_points';
  const noPeriod = '0 AS decisions, 0 AS reversing';
  // No FINAL: an item's live state is the signed sum of its rows (a cancelled row and its cancellation share
  // last_occurred_at, so a filter on it keeps both or neither). The stored rows are read twice: every row for the
  // counts as of {at}; for the period only rows with a decision since {from} (the others have none in it), which
  // the sorting key (month of the last decision first) lets PREWHERE skip by granule, arrays and all.
  const stored = `FROM ${database}.item_state AS s`;
  const scope = `s.backlog_id IN {backlogs:Array(String)} AND s.last_occurred_at <= ${at}`;
  const history =
    changed === 'none'
      ? ''
      : `UNION ALL
    SELECT s.backlog_id AS backlog_id, ${scalars}, ${inThePeriod}
    FROM (SELECT ${COLUMNS}, toInt8(1) AS sign FROM (${itemStateSelect(database, `backlog_id IN {backlogs:Array(String)} AND occurred_at <= ${at} AND item_id IN ${items}`)})) AS s
    GROUP BY backlog_id`;
  return `SELECT backlog_id, sum(open_items) AS open_items, sum(zombies) AS zombies, sum(ready_items) AS ready_items,
    toFloat64(sum(ready_points)) AS ready_points, sum(decisions) AS decisions, sum(reversing) AS reversing
  FROM (
    SELECT s.backlog_id AS backlog_id, ${scalars}, ${noPeriod} ${stored} WHERE ${scope} GROUP BY backlog_id
    UNION ALL
    SELECT s.backlog_id AS backlog_id, ${noScalars}, ${inThePeriod} ${stored}
    PREWHERE s.last_occurred_at >= {from:DateTime64(3, 'UTC')} WHERE ${scope} GROUP BY backlog_id
    ${history}
  )
  GROUP BY backlog_id`;
}

/**
 * Per backlog of the scope (in its order), as of scope.at, reversals over [period.from, period.to).
 * `listedMax`: how many changed items may be passed as a list (tests lower it to exercise the subquery).
 */
export async function portfolio(
  client: ClickHouseClient,
  scope: MetricScope,
  period: ReversalPeriod,
  options: { listedMax?: number } = {},
): Promise<PortfolioRow[]> {
  const listedMax = options.listedMax ?? LISTED_MAX;
  if (scope.backlogIds.length === 0) return [];
  const atText = chTime(scope.at.toISOString());
  const changedItems = () =>
    client
      .query({
        query: `${changedSql(scope.database)} LIMIT ${listedMax + 1}`,
        query_params: { backlogs: scope.backlogIds, at: atText },
        format: 'JSONEachRow',
        clickhouse_settings: METRIC_QUERY_SETTINGS,
      })
      .then((rs) => rs.json<{ item_id: string }>())
      .then((rows) => rows.map((r) => r.item_id));
  const [policies, thresholds, firstChanged] = await Promise.all([
    loadPolicies(client, scope.database, scope.backlogIds, scope.at),
    client
      .query({
        query: `WITH ${policyCte(scope.database)} SELECT backlog_id, zombie_after_days, stale_after_days FROM policy`,
        query_params: { backlogs: scope.backlogIds, at: atText },
        format: 'JSONEachRow',
        clickhouse_settings: METRIC_QUERY_SETTINGS,
      })
      .then((rs) => rs.json<{ backlog_id: string; zombie_after_days: string | number; stale_after_days: string | number }>()),
    changedItems(),
  ]);
  // Per backlog, as bound arrays (looked up with transform(), no join): the zombie thresholds as of `at` (zombies.ts:
  // staleAfterDays at least 1) and the smallest and largest reversal window of its policies (with the default).
  const windows = new Map<string, number[]>();
  policies.pol_backlogs.forEach((b, i) => windows.set(b, [...(windows.get(b) ?? []), policies.pol_window[i]]));
  const zombieMs = new Map(thresholds.map((t) => [t.backlog_id, [Number(t.zombie_after_days), Math.max(1, Number(t.stale_after_days))]]));
  const t_backlogs = scope.backlogIds;
  const day = (days: number) => days * DAY_MS;
  const windowsOf = (b: string) => [DEFAULT_POLICY.reversalWindowDays, ...(windows.get(b) ?? [])];
  const zombieOf = t_backlogs.map((b) => day(zombieMs.get(b)?.[0] ?? DEFAULT_POLICY.zombieAfterDays));
  const staleOf = t_backlogs.map((b) => day(zombieMs.get(b)?.[1] ?? Math.max(1, DEFAULT_POLICY.staleAfterDays)));
  const [zombie_lo, zombie_hi, stale_lo, stale_hi] = [Math.min(...zombieOf), Math.max(...zombieOf), Math.min(...staleOf), Math.max(...staleOf)];
  const base = {
    backlogs: scope.backlogIds,
    at: atText,
    at_ms: scope.at.getTime(),
    t_backlogs,
    t_zombie_ms: zombieOf,
    t_stale_ms: staleOf,
    zombie_lo,
    zombie_hi,
    stale_lo,
    stale_hi,
    window_lo: Math.min(...t_backlogs.map((b) => day(Math.min(...windowsOf(b))))),
    window_hi: Math.max(...t_backlogs.map((b) => day(Math.max(...windowsOf(b))))),
    from: chTime(period.from.toISOString()),
    to: chTime(period.to.toISOString()),
    pol_backlogs: policies.pol_backlogs,
    pol_at: policies.pol_at,
    pol_pos: policies.pol_pos,
    pol_window: policies.pol_window,
  };
  const shape = {
    zombieBand: base.zombie_lo !== base.zombie_hi || base.stale_lo !== base.stale_hi,
    windowBand: base.window_lo !== base.window_hi,
  };
  const count = (changed: string[]) => {
    const mode = changed.length === 0 ? 'none' : changed.length <= listedMax ? 'listed' : 'subquery';
    return client
      .query({
        query: portfolioSql(scope.database, { changed: mode, ...shape }),
        query_params: { ...base, changed: mode === 'listed' ? changed : [] },
        format: 'JSONEachRow',
        clickhouse_settings: METRIC_QUERY_SETTINGS,
      })
      .then((rs) => rs.json<Row>());
  };
  // An item decided while this runs (at = now, live writes) leaves the stored-row branch (its last decision is
  // now after `at`) without being in the list read before: read the list again after the count, and count again
  // with it when it grew (the list only grows: last_occurred_at never decreases).
  const counts = (async () => {
    let changed = firstChanged;
    for (let attempt = 0; ; attempt += 1) {
      const result = await count(changed);
      if (changed.length > listedMax) return result; // the subquery names them in the same statement
      const after = await changedItems();
      const known = new Set(changed);
      if (after.every((id) => known.has(id)) || attempt === 4) return result;
      changed = after;
    }
  })();
  const ready = counts.then((rows) =>
    rows.map((r) => ({ at: scope.at.toISOString(), backlogId: r.backlog_id, readyItems: Number(r.ready_items), readyPoints: Number(r.ready_points) })),
  );
  const [rows, sizes] = await Promise.all([counts, backlogSizesAt(client, scope, [scope.at], ready)]);
  const byBacklog = new Map(rows.map((r) => [r.backlog_id, r]));
  const at = scope.at.toISOString();
  return scope.backlogIds.map((backlogId) => {
    const r = byBacklog.get(backlogId);
    const decisions = Number(r?.decisions ?? 0);
    const reversing = Number(r?.reversing ?? 0);
    return {
      backlogId,
      openItems: Number(r?.open_items ?? 0),
      zombies: Number(r?.zombies ?? 0),
      size: sizes.get(sizeKey(at, backlogId))!,
      decisions,
      reversingDecisions: reversing,
      reversalRate: decisions > 0 ? reversing / decisions : null,
    };
  });
}
