-- ADR 0017: `decisions` without the monthly partitions. Every metric reads one backlog (or a portfolio) with
-- FINAL; with PARTITION BY toYYYYMM(occurred_at) a backlog's rows were spread over every month's parts, so a
-- query read ~15x more granules than the backlog holds and FINAL merged ~60 parts (measured at 1M events:
-- zombies 395 -> 88 ms, health 554 -> 101 ms, reversals 822 -> 298 ms median). The sorting key is unchanged.
-- The table is a projection: it is dropped and re-created empty, the checkpoints go back to 0, and the
-- projector re-projects the whole history on its next start (statements are idempotent if re-run: the
-- migration is recorded only after the last one).
DROP TABLE IF EXISTS {db}.decisions {on_cluster} SYNC;

CREATE TABLE IF NOT EXISTS {db}.decisions {on_cluster}
(
    position        UInt64,
    event_id        String,
    backlog_id      String,
    item_id         String,                    -- '' for backlog-level decisions
    type            LowCardinality(String),
    schema_version  UInt16,
    actor_id        String,
    actor_role      LowCardinality(String),
    occurred_at     DateTime64(3, 'UTC'),
    recorded_at     DateTime64(3, 'UTC'),
    imported        UInt8,
    title           String,                    -- item.added
    kind            LowCardinality(String),    -- item.added
    trigger         LowCardinality(String),    -- reprioritized / revived
    from_position   Int32,                     -- 0 = none
    to_position     Int32,                     -- 0 = none (added/revived: the position taken)
    escalation_id   String,
    against_event_id String,                   -- escalated / escalation-resolved
    outcome         LowCardinality(String),    -- escalation-resolved: upheld | overturned
    via             LowCardinality(String),    -- killed: owner | forum
    estimate        Nullable(Float64),         -- added / estimated
    objective_id    String,                    -- added / linked / outcome / objective events
    review_by       Nullable(Date),            -- kill-criteria-set
    moved           Nullable(UInt8),           -- outcome-recorded
    points          Nullable(Float64),         -- sprint-velocity-recorded
    sprint_ended_on Nullable(Date),            -- sprint-velocity-recorded
    policy          String                     -- created / policy-changed: the policy as JSON
)
ENGINE = {replacing}
ORDER BY (backlog_id, item_id, position);

-- Back to the start for every projection reading `decisions` (a newer version than any written so far).
INSERT INTO {db}.projection_checkpoints (name, position, updated_at)
SELECT name, 0, greatest(now64(3, 'UTC'), max(updated_at) + toIntervalMillisecond(1))
FROM {db}.projection_checkpoints
GROUP BY name
