-- ADR 0018: one row per item with what the portfolio needs of it (projection/item-state.ts says what each column
-- means and how a row is computed). The projector refreshes the rows of the items each batch touches; a row is a
-- pure function of the item's rows in `decisions`, `version` (its highest position) makes FINAL keep the latest.
-- Small granules: a batch refreshes a few hundred scattered items, and the portfolio reads every row.
CREATE TABLE IF NOT EXISTS {db}.item_state {on_cluster}
(
    backlog_id       String,
    item_id          String,
    version          UInt64,                    -- highest position among the item's rows
    last_occurred_at DateTime64(3, 'UTC'),      -- latest occurred_at: the row is the item's state as of any later instant
    added            UInt8,                     -- has an item.added row
    added_at         DateTime64(3, 'UTC'),
    status_type      LowCardinality(String),    -- the latest status event's type
    last_progress_at DateTime64(3, 'UTC'),
    latest_estimate  Nullable(Float64),
    decided_at       Array(DateTime64(3, 'UTC')),                       -- the counted decisions' occurred_at
    reversals        Array(Tuple(DateTime64(3, 'UTC'), UInt64, Int64)), -- those that may reverse: (occurred_at, position, gap ms)
    -- "Items with a decision after T" is asked on every portfolio request (T = now: usually none).
    INDEX last_occurred last_occurred_at TYPE minmax GRANULARITY 1
)
ENGINE = {replacing_versioned:version}
ORDER BY (backlog_id, item_id)
SETTINGS index_granularity = 1024;

-- (No backfill here: 0006 re-creates this table with a sign column and backfills it.)

-- The backlog-level rows of `decisions` (item_id = ''; policies, velocities, objectives, goals) again, on their
-- own: every metric looks up policies and velocities for its backlogs, and in `decisions` those few rows sit at
-- the head of each backlog's range, so a portfolio's look-up read a granule per backlog (most of the table).
-- The projector writes them to both tables (DecisionWriter.insertRows); same rows, same FINAL semantics.
CREATE TABLE IF NOT EXISTS {db}.backlog_decisions {on_cluster} AS {db}.decisions
ENGINE = {replacing}
ORDER BY (backlog_id, position);

INSERT INTO {db}.backlog_decisions SELECT * FROM {db}.decisions WHERE item_id = ''
