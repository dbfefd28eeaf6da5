package com.stonegate.outbox.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting for its next attempt, as {@code status} shows the backoff schedule.
 *
 * @param attempts attempts made so far (the next one is {@code attempts + 1})
 * @param nextAttemptAt not claimed before this
 * @param lastError why the last attempt failed
 */
public record RetryingEvent(
    UUID id, String type, int attempts, Instant nextAttemptAt, String lastError) {}
