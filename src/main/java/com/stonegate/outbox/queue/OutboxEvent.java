package com.stonegate.outbox.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One claimed row of {@code outbox_events}.
 *
 * @param id the row's id
 * @param type e.g. {@code estimate.requested}; selects the handler
 * @param payload the row's JSON, parsed once; a {@code MissingNode} when it could not be read
 * @param createdAt queue order
 * @param attempt this attempt's number, from 1
 */
public record OutboxEvent(UUID id, String type, JsonNode payload, Instant createdAt, int attempt) {}
