package com.stonegate.outbox.queue;

import java.time.Instant;
import java.util.UUID;

/** A dead event as {@code outbox-worker dead} shows it. */
public record DeadEvent(
    UUID id, String type, int attempts, Instant createdAt, Instant deadAt, String lastError) {}
