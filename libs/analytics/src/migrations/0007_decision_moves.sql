-- ADR 0025: imported tracker history. Reprioritizations that are not moves in the ranking (a priority change on an
-- ordinal scale, a direction-only "Ranked higher", a sprint pushed later) and decisions whose source recorded no why.
-- * scale: for item.reprioritized 'rank' (the ranking), 'priority' (from/to_position hold the levels, 1 = highest)
--   or 'schedule'; '' for every other type.
-- * approximate: 1 when only the direction is known (from/to_position are 0): never a D1 or D2 of reversal rule 3.
-- * direction: for item.reprioritized, -1 up, +1 down (a deferral when down), 0 none; 0 for every other type.
-- * stated_why: 0 when the decision states no why (imported from a tracker; metadata.statedWhy = false).
-- Rows written before this migration are ranking moves with a stated why: the DEFAULT expressions give exactly
-- the values projection/decision-row.ts computes for them, so no re-projection is needed (incremental = rebuild).
ALTER TABLE {db}.decisions {on_cluster}
    ADD COLUMN IF NOT EXISTS scale LowCardinality(String) DEFAULT if(type = 'item.reprioritized', 'rank', ''),
    ADD COLUMN IF NOT EXISTS approximate UInt8 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS direction Int8 DEFAULT if(type = 'item.reprioritized', toInt8(sign(toInt64(to_position) - toInt64(from_position))), 0),
    ADD COLUMN IF NOT EXISTS stated_why UInt8 DEFAULT 1;

-- Same columns, same order, on the backlog-level copy (0005): the projector writes the same rows to both tables.
ALTER TABLE {db}.backlog_decisions {on_cluster}
    ADD COLUMN IF NOT EXISTS scale LowCardinality(String) DEFAULT if(type = 'item.reprioritized', 'rank', ''),
    ADD COLUMN IF NOT EXISTS approximate UInt8 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS direction Int8 DEFAULT if(type = 'item.reprioritized', toInt8(sign(toInt64(to_position) - toInt64(from_position))), 0),
    ADD COLUMN IF NOT EXISTS stated_why UInt8 DEFAULT 1
