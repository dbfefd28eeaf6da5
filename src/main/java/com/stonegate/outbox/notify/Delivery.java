package com.stonegate.outbox.notify;

import java.time.Instant;
import java.util.UUID;

/** One row of the delivery ledger, as {@code outbox-worker deliveries} shows it. */
public record Delivery(
    UUID id,
    UUID eventId,
    String eventType,
    String channel,
    String recipient,
    String state,
    String providerMessageId,
    String error,
    int attempts,
    Instant createdAt,
    Instant updatedAt) {}
