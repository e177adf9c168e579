-- ADR 0018 (revised): the counted decisions of every item, one row each, ordered by time within a backlog, so a
-- portfolio's "decisions and reversing decisions in [from, to)" reads the rows of that period only, instead of an
-- array of every decision time of every item (item_state's decided_at and reversals, dropped below: counting
-- 8.6M array elements at 10M events cost ~80 ms of the portfolio's ~330).
-- A row's reversal gap comes from the item's earlier decisions only (projection/item-state.ts), so the rows up to
-- an instant are exactly that instant's. The projector rewrites an item's rows on each refresh (a backdated
-- decision can shorten a later one's gap); `version` (the item's highest position) makes FINAL keep the latest.
CREATE TABLE IF NOT EXISTS {db}.counted_decisions {on_cluster}
(
    backlog_id      String,
    occurred_at     DateTime64(3, 'UTC'),
    position        UInt64,
    item_id         String,
    reversal_gap_ms Int64,       -- -1: reverses nothing; 0: reverses whatever the window; > 0: iff <= the window in force
    version         UInt64       -- the item's highest position when the row was computed
)
ENGINE = {replacing_versioned:version}
ORDER BY (backlog_id, occurred_at, position);

{counted_decisions_backfill};

ALTER TABLE {db}.item_state {on_cluster} DROP COLUMN IF EXISTS decided_at, DROP COLUMN IF EXISTS reversals
