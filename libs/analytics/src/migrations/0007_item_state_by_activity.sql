-- ADR 0018 (revised): item_state sorted by the month of each row's last decision first. The portfolio counts the
-- decisions of a period (by default the last 90 days) from the rows of items decided since the period began: about
-- half the items at 10M events. With those rows together, PREWHERE skips the other granules, arrays and all
-- (the main query: ~145 -> ~110 ms). Signed rows make this key possible: a refresh's -1 row is a copy of the row it
-- cancels, key included, so a row may change its key from one version to the next. Same columns; the table is a
-- projection, so it is re-created and backfilled from `decisions` (the projector refreshes items from then on).
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
