package com.stonegate.outbox.queue;

import java.time.Instant;

/**
 * Thrown by a handler that knows when to try again (a provider's {@code Retry-After}). It counts as
 * an attempt; when the attempts are used up the event is dead as with any failure.
 */
public class RetryLater extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Instant at;

  public RetryLater(String message, Instant at) {
    super(message);
    this.at = at;
  }

  public Instant at() {
    return at;
  }
}
