package com.stonegate.outbox.notify;

import com.stonegate.outbox.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transient failures met while one event's deliveries went out. Every channel is tried first;
 * the handler then turns a non-empty report into a retry of the event, whose next attempt sends
 * only what did not go out. Not thread-safe: one per event attempt.
 */
public final class DeliveryReport {
  private final UUID eventId;
  private final List<ProviderException> transientFailures = new ArrayList<>();

  public DeliveryReport(UUID eventId) {
    this.eventId = eventId;
  }

  public UUID eventId() {
    return eventId;
  }

  void retryLater(ProviderException failure) {
    transientFailures.add(failure);
  }

  /** Whether some delivery must be tried again. */
  public boolean needsRetry() {
    return !transientFailures.isEmpty();
  }

  /** The longest {@code Retry-After} a provider asked for, if any did. */
  public Optional<Duration> retryAfter() {
    return transientFailures.stream()
        .flatMap(f -> f.retryAfter().stream())
        .max(Duration::compareTo);
  }

  /** The failures, one line each, for the event's {@code last_error}. */
  public String describe() {
    return transientFailures.stream()
        .map(ProviderException::getMessage)
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
