package com.stonegate.outbox.queue;

/**
 * What a handler reports when it returns: the event's work is done, or there was nothing to do.
 *
 * @param skipReason null when processed; otherwise why the event was skipped, e.g. {@code
 *     appointment_not_found}
 */
public record Handled(String skipReason) {
  private static final Handled PROCESSED = new Handled(null);

  public static Handled processed() {
    return PROCESSED;
  }

  public static Handled skipped(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a skip needs a reason");
    }
    return new Handled(reason);
  }

  public boolean skipped() {
    return skipReason != null;
  }
}
