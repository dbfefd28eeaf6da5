package com.stonegate.outbox.provider;

/**
 * Told of every call a provider client makes to the outside world (Twilio, SMTP, OpenAI, Google,
 * webhooks), for the metrics {@code outbox_provider_calls_total} and {@code
 * outbox_provider_failures_total}. A client calls {@link #record} once per network call, after it
 * ends, whatever the result. Implementations are quick, thread-safe and never throw.
 */
@FunctionalInterface
public interface ProviderCalls {
  /** Records nothing. */
  ProviderCalls NONE = (provider, kind, result) -> {};

  /** How a call ended, in the engine's terms. */
  enum Result {
    /** The provider accepted the call. */
    OK,
    /** Worth retrying: a timeout, a refused connection, HTTP 5xx or 429, an SMTP 4xx reply. */
    TRANSIENT,
    /** Not worth retrying: another 4xx, a permanent SMTP reply, an invalid recipient. */
    PERMANENT
  }

  /**
   * @param provider a short constant naming the service: {@code twilio}, {@code smtp}, {@code
   *     openai}, {@code google}, {@code webhook}, {@code ga4}
   * @param kind a short constant naming the call, e.g. {@code sms}, {@code email}, {@code copy},
   *     {@code token}, {@code calendar_event}; never a value from a payload or a URL (each distinct
   *     value is a time series)
   */
  void record(String provider, String kind, Result result);
}
