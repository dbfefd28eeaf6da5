-- What the queue engine needs on outbox_events. Only ADD ... IF NOT EXISTS: rows the API already
-- queued are untouched (a column with a constant default is added without rewriting the table),
-- and a database where StonegateOS itself added attempts/next_attempt_at/last_error keeps them.
ALTER TABLE outbox_events
    ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0,      -- claims so far
    ADD COLUMN IF NOT EXISTS next_attempt_at timestamp with time zone, -- not due before this
    ADD COLUMN IF NOT EXISTS last_error text,                          -- last failure, truncated
    ADD COLUMN IF NOT EXISTS locked_by text,                           -- lease owner (one claim)
    ADD COLUMN IF NOT EXISTS locked_until timestamp with time zone,    -- lease expiry
    ADD COLUMN IF NOT EXISTS dead_at timestamp with time zone,         -- terminal: gave up
    ADD COLUMN IF NOT EXISTS skip_reason text;                         -- why nothing was done

COMMENT ON COLUMN outbox_events.locked_by IS 'outbox worker: lease owner of the current claim';
COMMENT ON COLUMN outbox_events.dead_at IS 'outbox worker: set with processed_at when the event gave up';
