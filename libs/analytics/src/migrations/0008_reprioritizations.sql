-- ADR 0033: one row per item.reprioritized with what "against the score" needs of it (projection/score-row.ts):
-- the moved item's frozen score, whether the move was judged (the item had a score), the items passed over against
-- the score and the margin, exactly as the decision event froze them. A row is a pure function of its event, so the
-- metric is one too: incremental = rebuilt = "as of". Sorted by backlog and time: a period's rows are one range per
-- backlog (the report, its weekly trend and the portfolio read only those). Redelivered events produce identical
-- rows with the same sorting key, which ReplacingMergeTree collapses; every query reads with FINAL (ADR 0008).
CREATE TABLE IF NOT EXISTS {db}.reprioritizations {on_cluster}
(
    position          UInt64,
    event_id          String,
    backlog_id        LowCardinality(String),
    item_id           String,
    actor_id          String,
    occurred_at       DateTime64(3, 'UTC'),
    trigger           LowCardinality(String),
    from_position     Int32,
    to_position       Int32,
    model             LowCardinality(String),             -- scoring.model ('' for schema-1 events: before scores were frozen)
    score             Nullable(Float64),                  -- the moved item's frozen score (NULL: no score)
    judged            UInt8,                              -- scoreCheck present: the item had a score, so the move was judged
    score_margin      Float64,                            -- scoreCheck.scoreMargin (0 when not judged)
    passed_over_count UInt32,                             -- scoreCheck.count: > 0 = against the score
    passed_over       Array(Tuple(String, Float64))       -- scoreCheck.items: (item id, its score at the decision), at most 50
)
ENGINE = {replacing}
ORDER BY (backlog_id, occurred_at, position);

-- Reprioritizations projected before this table existed were recorded before scores were frozen (schema 1): none
-- was judged. Re-running this statement inserts identical rows, which FINAL collapses.
INSERT INTO {db}.reprioritizations
SELECT position, event_id, backlog_id, item_id, actor_id, occurred_at, trigger, from_position, to_position,
       '', NULL, 0, 0, 0, []
FROM {db}.decisions FINAL
WHERE type = 'item.reprioritized' AND item_id != ''
