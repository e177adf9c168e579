-- ADR 0035: vote delegations in the forum analytics. `forum_events` gains the delegation facts (forum.vote-delegated,
-- forum.delegation-revoked) and the closing tally's count of delegated votes. Rows projected before hold the
-- defaults, which is what they were: no delegation existed and no vote counted for someone else. Metadata-only.
ALTER TABLE {db}.forum_events {on_cluster}
    ADD COLUMN IF NOT EXISTS tally_delegated UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS delegation_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS delegate_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS valid_from DateTime64(3, 'UTC') DEFAULT toDateTime64(0, 3, 'UTC'),
    ADD COLUMN IF NOT EXISTS valid_until DateTime64(3, 'UTC') DEFAULT toDateTime64(0, 3, 'UTC')
