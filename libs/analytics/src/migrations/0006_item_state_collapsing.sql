-- ADR 0018 (revised): item_state without FINAL, sorted by when each item was last decided.
-- * Signed rows. Under ReplacingMergeTree every portfolio read merged the versions of 1.7M rows (FINAL was ~2/3 of
--   its time at 10M events, ~330 ms in all). Now a refresh writes the item's current row back with sign -1 and its
--   new row with +1 (projection/item-state.ts), so the live state is the signed sum of the rows: every count is
--   sum(sign * ...), whether or not merges have collapsed the pairs yet. VersionedCollapsingMergeTree collapses a
--   -1 and a +1 of the same item and version, whatever the order they were written in, so a version must name one
--   state: it is the number of the item's decision rows (that set only grows; the highest position would not
--   change when a backdated decision arrives).
-- * Sorted by the month of the last decision first. The portfolio counts a period's decisions (by default the last
--   90 days) from the rows of items decided since the period began, about half the items at 10M events; with those
--   rows together PREWHERE skips the other granules, arrays and all (main query ~145 -> ~110 ms). A -1 row is a copy
--   of the row it cancels, key included, so a row may move to a later month from one version to the next.
-- * backlog_id is LowCardinality (the portfolio groups every row by it).
-- The table is a projection: it is re-created and backfilled from `decisions` (the projector refreshes items from
-- then on).
DROP TABLE IF EXISTS {db}.item_state {on_cluster} SYNC;

CREATE TABLE IF NOT EXISTS {db}.item_state {on_cluster}
(
    backlog_id       LowCardinality(String),    -- ~1,000s of backlogs: the portfolio groups 1.7M rows by it
    item_id          String,
    version          UInt64,                    -- how many decision rows the state is computed from (only grows)
    last_occurred_at DateTime64(3, 'UTC'),      -- latest occurred_at: the row is the item's state as of any later instant
    added            UInt8,                     -- has an item.added row
    added_at         DateTime64(3, 'UTC'),
    status_type      LowCardinality(String),    -- the latest status event's type
    last_progress_at DateTime64(3, 'UTC'),
    latest_estimate  Nullable(Float64),
    decided_at       Array(DateTime64(3, 'UTC')),                       -- the counted decisions' occurred_at
    reversals        Array(Tuple(DateTime64(3, 'UTC'), UInt64, Int64)), -- those that may reverse: (occurred_at, position, gap ms)
    sign             Int8,                      -- +1: a state; -1: cancels an earlier +1 of the same item and version
    -- "Items with a decision after T" is asked on every portfolio request (T = now: usually none).
    INDEX last_occurred last_occurred_at TYPE minmax GRANULARITY 1
)
ENGINE = {versioned_collapsing:sign,version}
ORDER BY (toYYYYMM(last_occurred_at), backlog_id, item_id)
SETTINGS index_granularity = 1024;

{item_state_backfill}
