package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.stonegate.outbox.notify.Scheduling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed, bounded reads of an event's payload. A value of the wrong JSON type, malformed, blank or
 * over its length limit counts as missing: bad input means a skip or a stored value, never a crash
 * or a retry loop.
 */
final class Payload {
  static final int MAX_TEXT = 2000;
  static final int MAX_SHORT = 200;
  static final int MAX_ITEMS = 20;

  private Payload() {}

  /** A UUID given as a string. */
  static Optional<UUID> uuid(JsonNode payload, String field) {
    return text(payload, field, 36)
        .flatMap(
            s -> {
              try {
                return Optional.of(UUID.fromString(s));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** A non-blank string of at most {@code max} characters, trimmed. */
  static Optional<String> text(JsonNode payload, String field, int max) {
    JsonNode value = payload.path(field);
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
      return Optional.empty();
    }
    return Optional.of(value.asText().trim());
  }

  /** A non-empty array of short strings (blank items dropped); anything else is missing. */
  static Optional<List<String>> strings(JsonNode payload, String field) {
    JsonNode value = payload.path(field);
    if (!value.isArray() || value.isEmpty() || value.size() > MAX_ITEMS) {
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().length() > MAX_SHORT) {
        return Optional.empty();
      }
      if (!item.asText().isBlank()) {
        items.add(item.asText().trim());
      }
    }
    return items.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(items));
  }

  /** {@code scheduling{preferredDate, alternateDate, timeWindow}}; unusable parts are null. */
  static Scheduling scheduling(JsonNode payload) {
    JsonNode s = payload.path("scheduling");
    return new Scheduling(
        text(s, "preferredDate", MAX_SHORT).orElse(null),
        text(s, "alternateDate", MAX_SHORT).orElse(null),
        text(s, "timeWindow", MAX_SHORT).orElse(null));
  }
}
