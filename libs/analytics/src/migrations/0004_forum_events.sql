-- One row per review-forum or kill-proposal event (forum.*, proposal.*): the facts behind the forum
-- analytics (metrics/forums.ts). Rows are pure functions of events (projection/forum-row.ts); a redelivered
-- event produces an identical row with the same sorting key, which ReplacingMergeTree collapses. Every query
-- reads with FINAL (ADR 0008).
CREATE TABLE IF NOT EXISTS {db}.forum_events {on_cluster}
(
    position        UInt64,
    event_id        String,
    forum_id        String,
    proposal_id     String,                    -- '' for forum.* events
    item_id         String,                    -- proposal.opened / withdrawn / closed
    backlog_id      String,                    -- proposal.opened / closed
    type            LowCardinality(String),
    actor_id        String,
    occurred_at     DateTime64(3, 'UTC'),      -- when the event was decided (metadata.occurredAt, else recordedAt)
    decided_at      DateTime64(3, 'UTC'),      -- proposal.closed: data.closedAt; otherwise = occurred_at
    member_id       String,                    -- member-joined / member-left / vote-cast
    choice          LowCardinality(String),    -- vote-cast: kill | keep | abstain
    outcome         LowCardinality(String),    -- closed: kill | keep | no-quorum
    tally_kill      UInt32,                    -- closed: the tally
    tally_keep      UInt32,
    tally_abstain   UInt32,
    votes_cast      UInt32,
    members         UInt32,
    nominated_automatically UInt8,             -- opened
    name            String                     -- forum.created
)
ENGINE = {replacing}
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (forum_id, proposal_id, position)
