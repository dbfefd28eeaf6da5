WITH c AS (SELECT id FROM outbox_events WHERE processed_at IS NULL ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED) UPDATE outbox_events e SET processed_at = now() FROM c WHERE e.id = c.id;
