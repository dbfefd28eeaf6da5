TRUNCATE outbox_events;
INSERT INTO outbox_events(type,payload,created_at) SELECT 'bench.noop', jsonb_build_object('n',g), now() - interval '1 hour' + g*interval '1 microsecond' FROM generate_series(1,200000) g;
VACUUM ANALYZE outbox_events; CHECKPOINT;
