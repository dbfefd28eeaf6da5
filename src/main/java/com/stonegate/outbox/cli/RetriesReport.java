package com.stonegate.outbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.stonegate.outbox.queue.RetryingEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The backoff schedule part of {@code status}: the events waiting for a retry, soonest first, each
 * with the attempts made, when the next one is due and why the last one failed.
 */
final class RetriesReport {
  /** Characters of the last error shown per event. */
  static final int ERROR_CHARS = 160;

  private RetriesReport() {}

  static void print(List<RetryingEvent> retries, int maxAttempts, Instant now, PrintStream out) {
    if (retries.isEmpty()) {
      return;
    }
    out.printf("%nnext retries (soonest first)%n");
    for (RetryingEvent e : retries) {
      out.printf(
          "  %s %-24s attempt %d/%d in %s (%s): %s%n",
          e.id(),
          e.type(),
          e.attempts() + 1,
          maxAttempts,
          in(e.nextAttemptAt(), now),
          e.nextAttemptAt().truncatedTo(ChronoUnit.SECONDS),
          shorten(e.lastError()));
    }
  }

  /** {@code retries}: id, type, attempts made, nextAttemptAt, lastError. */
  static ArrayNode json(List<RetryingEvent> retries, ObjectMapper json) {
    ArrayNode array = json.createArrayNode();
    for (RetryingEvent e : retries) {
      array
          .addObject()
          .put("id", e.id().toString())
          .put("type", e.type())
          .put("attempts", e.attempts())
          .put("nextAttemptAt", e.nextAttemptAt().toString())
          .put("lastError", shorten(e.lastError()));
    }
    return array;
  }

  private static String in(Instant at, Instant now) {
    Duration wait = Duration.between(now, at);
    return wait.toSeconds() < 120
        ? String.format("%.1f s", wait.toMillis() / 1000.0)
        : wait.toMinutes() + " min";
  }

  private static String shorten(String error) {
    if (error == null) {
      return "";
    }
    String line = error.replaceAll("\\s+", " ");
    return line.length() <= ERROR_CHARS ? line : line.substring(0, ERROR_CHARS - 1) + "…";
  }
}
