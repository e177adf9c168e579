import type { ClickHouseClient } from '@clickhouse/client';
import { DEFAULT_POLICY } from '@ledger/domain';
import { chTime } from '../projection/decision-row';
import { itemStateSelect } from '../projection/item-state';
import { backlogSizesAt, sizeKey, type BacklogSize } from './health';
import { loadPolicies, POLICY_WINDOWS_CTE, windowMsAt, type ReversalPeriod } from './reversals';
import { policyCte, type MetricScope } from './scope';
import { daysBetween, METRIC_QUERY_SETTINGS } from './zombies';

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

const COLUMNS = 'backlog_id, item_id, added, added_at, status_type, last_progress_at, latest_estimate, decisions';

/** At most this many items with decisions after `at` are passed as a bound list; more are selected in SQL. */
const LISTED_MAX = 10_000;

/**
 * Items of the scope with a decision after `at` are evaluated from their decision rows up to `at`; `changed`
 * says how they are named: none (the usual "now"), listed in {changed}, or (many: an early `at`) by a subquery.
 */
function portfolioSql(database: string, changed: 'none' | 'listed' | 'subquery'): string {
  const at = `{at:DateTime64(3, 'UTC')}`;
  const items =
    changed === 'listed'
      ? '{changed:Array(String)}'
      : `(SELECT item_id FROM ${database}.item_state FINAL WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at > ${at})`;
  const fromHistory =
    changed === 'none'
      ? ''
      : `UNION ALL
    SELECT ${COLUMNS} FROM (${itemStateSelect(database, `backlog_id IN {backlogs:Array(String)} AND occurred_at <= ${at} AND item_id IN ${items}`)})`;
  return `WITH ${policyCte(database)}, ${POLICY_WINDOWS_CTE},
  states AS (
    SELECT ${COLUMNS} FROM ${database}.item_state FINAL
    WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at <= ${at}
    ${fromHistory}
  ),
  judged AS (
    SELECT s.backlog_id AS backlog_id, s.added AS added, s.status_type AS status_type, s.latest_estimate AS estimate,
      if(p.backlog_id = '', ${DEFAULT_POLICY.zombieAfterDays}, p.zombie_after_days) AS zad,
      greatest(if(p.backlog_id = '', ${DEFAULT_POLICY.staleAfterDays}, p.stale_after_days), 1) AS sad,
      s.added AND s.status_type IN ('item.added', 'item.revived', 'item.started') AS open,
      open AND ${daysBetween('s.added_at', at)} >= zad AND ${daysBetween('s.last_progress_at', at)} >= sad AS zombie,
      s.added AND s.status_type IN ('item.added', 'item.revived') AS ready,
      arrayFilter(d -> d.1 >= {from:DateTime64(3, 'UTC')} AND d.1 < {to:DateTime64(3, 'UTC')} AND d.1 <= ${at}, s.decisions) AS in_period,
      -- gap 0: reverses whatever the window (rules 1, 2); gap > 0: only within the window in force at its time
      arrayCount(d -> d.3 = 0, in_period)
        + arrayCount(d -> d.3 <= ${windowMsAt('d.1', 'd.2')}, arrayFilter(d -> d.3 > 0, in_period)) AS reversing
    FROM states AS s
    LEFT JOIN policy AS p ON p.backlog_id = s.backlog_id
    LEFT JOIN pol ON pol.pol_backlog = s.backlog_id
  )
  SELECT backlog_id, countIf(open) AS open_items, countIf(zombie) AS zombies,
    countIf(ready) AS ready_items, sumIf(ifNull(estimate, 0), ready) AS ready_points,
    sum(length(in_period)) AS decisions, sum(reversing) AS reversing
  FROM judged
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
        query: `SELECT item_id FROM ${scope.database}.item_state FINAL
                WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at > {at:DateTime64(3, 'UTC')}
                LIMIT ${listedMax + 1}`,
        query_params: { backlogs: scope.backlogIds, at: atText },
        format: 'JSONEachRow',
        clickhouse_settings: METRIC_QUERY_SETTINGS,
      })
      .then((rs) => rs.json<{ item_id: string }>())
      .then((rows) => rows.map((r) => r.item_id));
  const [policies, firstChanged] = await Promise.all([
    loadPolicies(client, scope.database, scope.backlogIds, scope.at),
    changedItems(),
  ]);
  const base = {
    backlogs: scope.backlogIds,
    at: atText,
    from: chTime(period.from.toISOString()),
    to: chTime(period.to.toISOString()),
    pol_backlogs: policies.pol_backlogs,
    pol_at: policies.pol_at,
    pol_pos: policies.pol_pos,
    pol_window: policies.pol_window,
  };
  const count = (changed: string[]) => {
    const mode = changed.length === 0 ? 'none' : changed.length <= listedMax ? 'listed' : 'subquery';
    return client
      .query({
        query: portfolioSql(scope.database, mode),
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
