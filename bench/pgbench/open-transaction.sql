BEGIN;
SELECT array_agg(id) AS ids FROM (SELECT id, type, payload, created_at, attempts FROM outbox_events WHERE processed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now()) AND (locked_until IS NULL OR locked_until <= now()) ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED) x \gset
UPDATE outbox_events SET processed_at = now(), next_attempt_at = NULL, dead_at = NULL, skip_reason = NULL, attempts = attempts + 1 WHERE id = ANY(:ids::uuid[]);
COMMIT;
