package com.stonegate.outbox.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed event is tried again: exponential backoff ({@code base · 2^(attempt-1)}, at most
 * {@code max}) with "equal jitter" (a random point in the upper half of that delay), so a burst of
 * failures does not come back as a burst. A pure function: no clock, no database.
 *
 * @param maxAttempts attempts in all; after the last one the event is dead
 * @param base delay after the first failure
 * @param max longest delay
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

  public RetryPolicy {
    if (maxAttempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("invalid retry policy");
    }
  }

  /**
   * The next attempt after attempt number {@code attempt} failed at {@code now}, or empty when that
   * was the last.
   *
   * @param random a number in [0, 1) choosing the point within the jitter window
   */
  public Optional<Instant> next(int attempt, Instant now, double random) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(now.plus(delay(attempt, random)));
  }

  /** The delay after attempt number {@code attempt} (from 1). */
  public Duration delay(int attempt, double random) {
    long cap = max.toMillis();
    int doublings = Math.min(Math.max(attempt - 1, 0), 62);
    long full = base.toMillis() > (cap >> doublings) ? cap : base.toMillis() << doublings;
    long half = full / 2;
    return Duration.ofMillis(full - half + (long) (half * random));
  }
}
