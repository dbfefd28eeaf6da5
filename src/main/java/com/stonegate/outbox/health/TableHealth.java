package com.stonegate.outbox.health;

import java.time.Instant;

/**
 * PostgreSQL's own statistics of {@code outbox_events} ({@code pg_stat_user_tables}): a queue table
 * whose dead tuples are never vacuumed slows every claim down.
 *
 * @param lastAutovacuum null when autovacuum has not run since the statistics were reset
 */
public record TableHealth(long liveTuples, long deadTuples, Instant lastAutovacuum) {}
