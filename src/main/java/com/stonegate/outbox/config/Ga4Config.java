package com.stonegate.outbox.config;

import java.net.URI;
import java.util.Optional;

/**
 * Google Analytics 4 Measurement Protocol, optional: {@code lead.created} sends {@code
 * generate_lead} and an accepted {@code quote.decision} sends {@code close_convert_lead}.
 *
 * @param measurementId {@code GA4_MEASUREMENT_ID}, e.g. {@code G-XXXXXXX}
 * @param apiSecret {@code GA4_API_SECRET}
 * @param apiBaseUrl {@code GA4_API_BASE_URL}. Defaults to {@code https://www.google-analytics.com}.
 */
public record Ga4Config(
    Optional<String> measurementId, Optional<String> apiSecret, URI apiBaseUrl) {

  public static Ga4Config from(Env env) {
    return new Ga4Config(
        env.string("GA4_MEASUREMENT_ID"),
        env.string("GA4_API_SECRET"),
        Urls.base(env, "GA4_API_BASE_URL", "https://www.google-analytics.com"));
  }

  public boolean configured() {
    return measurementId.isPresent() && apiSecret.isPresent();
  }

  @Override
  public String toString() {
    return "Ga4Config[measurementId=" + measurementId + "]";
  }
}
