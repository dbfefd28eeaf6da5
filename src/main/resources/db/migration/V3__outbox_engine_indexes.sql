-- Built CONCURRENTLY so the API keeps inserting events while an existing, large table is indexed
-- (Flyway runs this file outside a transaction for that reason).

-- The claim scans only unfinished rows, oldest first: millions of finished rows cost nothing.
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_events_due_idx
    ON outbox_events (created_at) WHERE processed_at IS NULL;

-- `status` and `dead` look at dead events only; few, so this index stays tiny.
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_events_dead_idx
    ON outbox_events (dead_at) WHERE dead_at IS NOT NULL;
