package com.stonegate.outbox.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile JSON values, from a seeded {@link Random} so a failure can be replayed: wrong types,
 * nulls, huge strings, deep nesting, control and bidi characters, SQL and template injection,
 * header injection. PostgreSQL itself refuses {@code \u0000} and lone surrogates in {@code jsonb},
 * so the API can never store them and they are left out.
 */
final class Fuzz {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> STRINGS =
      List.of(
          "",
          "   ",
          "'; DROP TABLE outbox_events; --",
          "1' OR '1'='1",
          "$$; SELECT pg_sleep(30); $$",
          "\\x00\\\\'\"",
          "\u202Egnp.exe\u202C",
          "\u2066\u2067\u2068isolate\u2069\u200F\u200E",
          "\u0001\u0007\u0008\u000B\u000C\u001B[31mred\u001B[0m\u007F",
          "line\r\nBcc: victim@example.com\r\n\r\nbody",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/x}",
          "%s%n%x%d{{7*7}}",
          "../../../../etc/passwd",
          "\uD83D\uDE00\uD83D\uDCA5 \u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD",
          "00000000-0000-0000-0000-00000000000g",
          "1-1-1-1-1",
          "NaN");

  private final Random random;

  Fuzz(long seed) {
    this.random = new Random(seed);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Any hostile value: a string, a wrong type, a null, a container, now and then a huge one. */
  JsonNode value() {
    return switch (random.nextInt(12)) {
      case 0 -> JSON.nullNode();
      case 1 -> JSON.booleanNode(random.nextBoolean());
      case 2 -> JSON.numberNode(random.nextInt());
      case 3 -> JSON.numberNode(new BigInteger("123456789012345678901234567890"));
      case 4 -> JSON.numberNode(random.nextBoolean() ? 1e308 : -0.0);
      case 5 -> JSON.arrayNode().add(string()).add(JSON.nullNode()).add(7);
      case 6 -> JSON.objectNode().put("$ne", string()).set("nested", nested(50));
      case 7 -> JSON.textNode(UUID.randomUUID().toString()); // well formed, refers to nothing
      case 8 -> chance(3) ? JSON.textNode("x".repeat(1_000_000)) : JSON.textNode(longString());
      default -> JSON.textNode(string());
    };
  }

  String string() {
    return pick(STRINGS);
  }

  /** Arrays in arrays, {@code depth} deep. */
  JsonNode nested(int depth) {
    ArrayNode root = JSON.arrayNode();
    ArrayNode current = root;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    current.add(string());
    return root;
  }

  /** An object of hostile optional fields, as a payload's extras. */
  ObjectNode extras() {
    ObjectNode extras = JSON.objectNode();
    for (String field :
        List.of(
            "services",
            "notes",
            "scheduling",
            "rescheduleUrl",
            "shareToken",
            "source",
            "status",
            "meta")) {
      if (chance(60)) {
        extras.set(field, field.equals("scheduling") && chance(50) ? scheduling() : value());
      }
    }
    return extras;
  }

  private ObjectNode scheduling() {
    return JSON.objectNode()
        .<ObjectNode>set("preferredDate", value())
        .<ObjectNode>set("alternateDate", value())
        .set("timeWindow", value());
  }

  private String longString() {
    return string().repeat(1 + random.nextInt(300));
  }
}
