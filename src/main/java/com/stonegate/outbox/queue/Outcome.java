package com.stonegate.outbox.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How one attempt at one event ended, as the engine records it.
 *
 * @param event the event
 * @param status what happened
 * @param detail the skip reason, or the error of a retry or a dead event; null when processed
 * @param retryAt when a {@link Status#RETRY} event is due again; null otherwise
 * @param took how long the handler ran
 */
public record Outcome(
    OutboxEvent event, Status status, String detail, Instant retryAt, Duration took) {

  /** The four ends of an attempt. PROCESSED, SKIPPED and DEAD finish the event. */
  public enum Status {
    PROCESSED,
    SKIPPED,
    RETRY,
    DEAD;

    // Computed once: each per-event log line names its outcome twice (message and field).
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
      return label;
    }
  }

  public Outcome {
    if ((status == Status.RETRY) != (retryAt != null)) {
      throw new IllegalArgumentException("a retry, and only a retry, has a time");
    }
  }

  public boolean failed() {
    return status == Status.RETRY || status == Status.DEAD;
  }
}
