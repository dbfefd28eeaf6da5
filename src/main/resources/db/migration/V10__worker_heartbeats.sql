-- One row per running worker process (outbox-worker run with polling, or serve), refreshed every
-- OUTBOX_HEARTBEAT_INTERVAL_MS, so `status` can list live and stale instances. The worker's own
-- table: the API never reads it. A graceful stop deletes its row; a crashed worker's row goes
-- stale and is deleted after a week by any live worker.
CREATE TABLE IF NOT EXISTS outbox_worker_heartbeats (
    instance_id      text PRIMARY KEY,                   -- host:pid:random, as in lease owners
    host             text NOT NULL,
    pid              bigint NOT NULL,
    version          text NOT NULL,                      -- the jar's version
    mode             text NOT NULL,                      -- 'run' (polling) or 'serve' (HTTP only)
    started_at       timestamp with time zone NOT NULL,
    last_beat_at     timestamp with time zone NOT NULL,  -- the process is alive
    loop_beat_at     timestamp with time zone,           -- its poll loop last reached the database
    beat_interval_ms bigint NOT NULL                     -- stale after three missed beats
);
