-- Wakes idle workers when the API inserts events: they claim at once instead of waiting out
-- OUTBOX_POLL_INTERVAL_MS, which stays the fallback (a lost notification costs one poll interval).
-- One notification per INSERT statement, not per row, and PostgreSQL folds identical
-- notifications of one transaction into one: a burst of inserts wakes a worker once.
CREATE OR REPLACE FUNCTION outbox_events_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_events', '');
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION outbox_events_notify() IS 'outbox worker: wakes listening workers on insert';

CREATE OR REPLACE TRIGGER outbox_events_notify
    AFTER INSERT ON outbox_events
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();
