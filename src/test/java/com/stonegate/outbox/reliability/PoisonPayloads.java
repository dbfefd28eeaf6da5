package com.stonegate.outbox.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payloads for the StonegateOS event types, written as the API would store them (text for a {@code
 * jsonb} column): good ones name a real row in their required field and carry hostile optional
 * fields, which must be ignored or shown harmlessly; bad ones break the required field or the whole
 * payload, and must be skipped (or dead) with a reason.
 */
final class PoisonPayloads {
  /** The types with work to do, each with the field that names its row. */
  static final Map<String, String> REQUIRED =
      Map.of(
          "estimate.requested", "appointmentId",
          "estimate.rescheduled", "appointmentId",
          "lead.created", "leadId",
          "estimate.status_changed", "leadId",
          "quote.sent", "quoteId",
          "quote.decision", "quoteId");

  static final List<String> TYPES = REQUIRED.keySet().stream().sorted().toList();

  /** Nesting deeper than the worker's JSON parser allows (1,000). */
  static final int TOO_DEEP = 5_000;

  private final Fuzz fuzz;

  PoisonPayloads(Fuzz fuzz) {
    this.fuzz = fuzz;
  }

  /** A payload naming {@code row} (appointment, lead, quote ids) with hostile extras. */
  String good(String type, Map<String, UUID> row) {
    ObjectNode payload = fuzz.extras();
    String field = REQUIRED.get(type);
    payload.put(field, row.get(field).toString());
    if (type.equals("quote.decision")) {
      payload.put("decision", fuzz.chance(50) ? "accepted" : "declined");
    }
    return payload.toString();
  }

  /** A payload whose required part is broken in one of many ways. */
  String bad(String type, Map<String, UUID> row) {
    String field = REQUIRED.get(type);
    ObjectNode payload = fuzz.extras();
    switch (fuzz.pick(List.of(0, 1, 2, 3, 4, 5, 6))) {
      case 0 -> {
        return notAnObject();
      }
      case 1 -> payload.remove(field);
      case 2 -> payload.set(field, fuzz.value());
      case 3 -> payload.put(field, UUID.randomUUID().toString());
      case 4 -> {
        return "{\"" + field + "\": " + "[".repeat(TOO_DEEP) + "]".repeat(TOO_DEEP) + "}";
      }
      case 5 -> payload.put(field, " " + row.get(field) + "x".repeat(100_000));
      default -> payload.put(field, otherKindOfId(field, row));
    }
    if (type.equals("quote.decision") && fuzz.chance(50)) {
      payload.put(field, row.get(field).toString()).set("decision", fuzz.value());
    }
    return payload.toString();
  }

  private String notAnObject() {
    return fuzz.pick(List.of("[]", "\"appointmentId\"", "42", "null", "true", "[{\"x\": 1}]"));
  }

  /** A real id, of another table: an appointment's id as a lead id and so on. */
  private static String otherKindOfId(String field, Map<String, UUID> row) {
    return row.get(field.equals("quoteId") ? "appointmentId" : "quoteId").toString();
  }
}
