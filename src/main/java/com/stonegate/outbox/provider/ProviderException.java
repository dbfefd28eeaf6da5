package com.stonegate.outbox.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not succeed. Transient ones (a timeout, a refused connection, HTTP 5xx
 * or 429, an SMTP 4xx reply) are worth trying again, after {@link #retryAfter()} when the provider
 * said so; permanent ones (another 4xx, an invalid number, an SMTP 5xx reply) are not.
 */
public final class ProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final Duration retryAfter;

  private ProviderException(String message, boolean retryable, Duration retryAfter, Throwable c) {
    super(message, c);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** Worth retrying; {@code retryAfter} may be null (the engine's backoff decides). */
  public static ProviderException transientFailure(
      String message, Duration retryAfter, Throwable cause) {
    return new ProviderException(message, true, retryAfter, cause);
  }

  /** Trying again cannot help. */
  public static ProviderException permanent(String message, Throwable cause) {
    return new ProviderException(message, false, null, cause);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The provider's {@code Retry-After}, when it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public ProviderCalls.Result result() {
    return retryable ? ProviderCalls.Result.TRANSIENT : ProviderCalls.Result.PERMANENT;
  }
}
