-- One row per decision event (the analytics fact table). Rows are pure functions of events
-- (projection/decision-row.ts). Redelivered events produce identical rows with the same sorting key,
-- which ReplacingMergeTree collapses; every query reads with FINAL (ADR 0008).
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
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (backlog_id, item_id, position)
