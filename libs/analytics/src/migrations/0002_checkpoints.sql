-- Where each projection has got to in the global event order. Written after the rows it covers,
-- so a crash in between re-projects (idempotently) instead of skipping.
CREATE TABLE IF NOT EXISTS {db}.projection_checkpoints {on_cluster}
(
    name        LowCardinality(String),
    position    UInt64,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = {replacing_versioned:updated_at}
ORDER BY name
