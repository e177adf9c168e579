import type { ClickHouseClient } from '@clickhouse/client';

/*
 * `item_state` (migrations 0005, 0006; ADR 0018): per item, what the portfolio needs of it, kept by the projector
 * so that a portfolio "as of now" reads ~one row per item instead of every decision of every backlog.
 *
 * The row is computed by ONE SQL definition, `itemStateSelect`, from the item's rows in `decisions`. It is used:
 *  - by the projector after each batch, for the items the batch touched (refreshItemStates);
 *  - by the migration and the rebuild, for every item at once;
 *  - by the portfolio query itself, "as of" an earlier instant, for the items that have decisions after it.
 * A row is a pure function of the item's decision rows, so refreshing it again (redelivery, crash before the
 * checkpoint) writes the same row. Rows are signed (VersionedCollapsingMergeTree(sign, version)): a refresh cancels
 * the item's live row (-1) and adds the new one (+1), so readers sum `sign * ...` without FINAL, merged or not.
 *
 * `decided_at` holds the occurred_at of the item's counted decisions (the reversal-rate denominator: reversals.ts's
 * COUNTED); `reversals` the ones that may reverse an earlier decision, as (occurred_at, position, gap_ms): gap 0
 * (rules 1 and 2) reverses whatever the window; for rule 3 the gap is the shortest distance to an earlier
 * reprioritization it moves back from (opposite direction, at least half-way), and it reverses iff the gap is
 * <= the reversal window in force at its own time. The window — a backlog policy, which may change — is applied
 * when the metric is read, exactly as reversals.ts applies it. (Two arrays rather than one of every decision with
 * its gap: the portfolio reads them for every item, and most decisions reverse nothing.)
 */

/** Counted decisions (reversals.ts COUNTED), plus escalation-caused reprioritizations (candidates for D1). */
const COUNTED_ROW = `(startsWith(type, 'item.') AND type != 'item.escalated'
      AND NOT (type IN ('item.reprioritized', 'item.revived') AND trigger = 'escalation'))`;

/**
 * e, m: (occurred_at, position, type, trigger, from_position, to_position, outcome, scale, approximate). Rule 3
 * compares moves on the same scale whose positions are known (docs/metrics-reversals.md).
 */
const MOVES_BACK = `m.3 = 'item.reprioritized' AND (m.1, m.2) < (e.1, e.2) AND m.8 = e.8 AND m.9 = 0 AND e.9 = 0
          AND sign(toInt64(m.6) - m.5) * sign(toInt64(e.6) - e.5) = -1
          AND 2 * (toInt64(m.6) - e.6) * (toInt64(m.6) - m.5) >= (toInt64(m.6) - m.5) * (toInt64(m.6) - m.5)`;
const NO_GAP = '9223372036854775807';
const GAP = `multiIf(
        e.3 = 'item.escalation-resolved', if(e.7 = 'overturned', 0, -1),
        e.3 = 'item.revived', if(arrayExists(k -> k.3 = 'item.killed' AND (k.1, k.2) < (e.1, e.2), evs), 0, -1),
        e.3 = 'item.reprioritized', arrayMin(arrayMap(m -> if(${MOVES_BACK},
          toUnixTimestamp64Milli(e.1) - toUnixTimestamp64Milli(m.1), ${NO_GAP}), evs)),
        -1)`;

/** The item_state columns, in table order. */
export const ITEM_STATE_COLUMNS = [
  'backlog_id',
  'item_id',
  'version',
  'last_occurred_at',
  'added',
  'added_at',
  'status_type',
  'last_progress_at',
  'latest_estimate',
  'decided_at',
  'reversals',
] as const;

/**
 * SELECT of item_state rows (ITEM_STATE_COLUMNS) from `<database>.decisions`, one per item of the rows that `where`
 * keeps (a condition on decisions' columns; item rows only). Status, progress and estimate follow zombies.ts
 * (latest by position among the rows read).
 *
 * Without FINAL: a row delivered twice and not yet merged is an identical copy (same event, same row function),
 * and every aggregate here ignores copies: min, max and argMax by position; "has one"; distinct positions for the
 * version; the decision list made distinct before it is used. (FINAL cost ~5x the read: ~600 ms for a batch's
 * 250 scattered items at 10M events.)
 */
export function itemStateSelect(database: string, where: string, schema: DecisionsSchema = 'current'): string {
  // Before migration 0007 every reprioritization was an exact move in the ranking: the same values its columns'
  // DEFAULTs give those rows.
  const moveColumns = schema === 'current' ? 'scale, approximate' : `if(type = 'item.reprioritized', 'rank', ''), toUInt8(0)`;
  return `SELECT backlog_id, item_id,
      uniqExact(position) AS version,
      max(occurred_at) AS last_occurred_at,
      toUInt8(countIf(type = 'item.added') > 0) AS added,
      minIf(occurred_at, type = 'item.added') AS added_at,
      argMaxIf(type, position, type IN ('item.added', 'item.revived', 'item.reopened', 'item.started', 'item.delivered', 'item.killed', 'item.moved-to-anti-backlog')) AS status_type,
      greatest(added_at, maxIf(occurred_at, type IN ('item.started', 'item.delivered', 'item.outcome-recorded', 'item.estimated', 'item.linked-to-objective', 'item.kill-criteria-set'))) AS last_progress_at,
      argMaxIf(tuple(estimate), position, type IN ('item.added', 'item.estimated')).1 AS latest_estimate,
      arraySort(x -> (x.1, x.2), arrayDistinct(groupArrayIf((occurred_at, position, type, trigger, from_position, to_position, outcome, ${moveColumns}),
        ${COUNTED_ROW} OR type = 'item.reprioritized'))) AS evs,
      arrayFilter(e -> NOT (e.3 = 'item.reprioritized' AND e.4 = 'escalation'), evs) AS counted,
      arrayMap(e -> e.1, counted) AS decided_at,
      arrayFilter(g -> g.3 >= 0 AND g.3 != ${NO_GAP}, arrayMap(e -> (e.1, e.2, ${GAP}), counted)) AS reversals
    FROM ${database}.decisions
    WHERE item_id != '' AND (${where})
    GROUP BY backlog_id, item_id`;
}

const COLUMNS = ITEM_STATE_COLUMNS.join(', ');

/**
 * The rows of `item_state` that `where` keeps, with how many times each is live (`live`: the sum of its signs;
 * 1 for an item's state, 0 rows for cancelled ones), whether or not merges have collapsed them yet.
 */
export function liveItemStates(database: string, where = '1'): string {
  return `SELECT ${COLUMNS}, sum(sign) AS live FROM ${database}.item_state WHERE ${where} GROUP BY ${COLUMNS} HAVING live != 0`;
}

/**
 * Which columns `decisions` has: 'before-0007' for migration 0006's backfill, which runs before 0007 adds the
 * move columns (scale, approximate); 'current' everywhere else.
 */
export type DecisionsSchema = 'current' | 'before-0007';

/** INSERT of every item's state, as +1 rows (the migration's backfill and the rebuild). */
export function insertAllItemStates(database: string, schema: DecisionsSchema = 'current'): string {
  return `INSERT INTO ${database}.item_state (${COLUMNS}, sign) SELECT ${COLUMNS}, 1 FROM (${itemStateSelect(database, '1', schema)})`;
}

/**
 * Recomputes the state of the given items from their decision rows (after those rows were inserted), in one
 * INSERT: each item's live row back with sign -1 (the rows whose signs do not sum to 0, as many times as they
 * sum to: a state counted twice is cancelled twice), and its new state with sign +1. The signed sum of an
 * item's rows is then exactly its new state. Repeating a refresh (redelivery, a crash before the checkpoint)
 * cancels the row and writes the same one again. Items are named with their backlog (the sorting key starts
 * with backlog_id).
 *
 * One refresh of an item at a time: two running at once for the same item would both cancel the same row and
 * both add the new one (the projector refreshes after each batch, in order; in the Kafka tier an item's events
 * are in one partition, which one consumer of the group owns). The item's next refresh repairs such a double.
 */
export async function refreshItemStates(
  client: ClickHouseClient,
  database: string,
  items: ReadonlyMap<string, string>,
): Promise<void> {
  if (items.size === 0) return;
  const named = `backlog_id IN {backlogs:Array(String)} AND item_id IN {items:Array(String)}`;
  await client.command({
    query: `INSERT INTO ${database}.item_state (${COLUMNS}, sign)
      SELECT ${COLUMNS}, s FROM (${liveItemStates(database, named)}) ARRAY JOIN arrayWithConstant(abs(live), toInt8(-sign(live))) AS s
      UNION ALL
      SELECT ${COLUMNS}, toInt8(1) FROM (${itemStateSelect(database, named)})`,
    query_params: { backlogs: [...new Set(items.values())], items: [...items.keys()] },
  });
}
