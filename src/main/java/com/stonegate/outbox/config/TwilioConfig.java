package com.stonegate.outbox.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Twilio, for SMS. Configured when the SID, token and sender are all set; otherwise SMS is logged
 * as "sms unsent" and the event still completes.
 *
 * @param accountSid {@code TWILIO_ACCOUNT_SID}
 * @param authToken {@code TWILIO_AUTH_TOKEN}
 * @param from {@code TWILIO_FROM}: the sending number (E.164) or messaging service SID
 * @param apiBaseUrl {@code TWILIO_API_BASE_URL}. Defaults to {@code https://api.twilio.com}.
 * @param maxPerSecond {@code TWILIO_MAX_PER_SECOND}: messages started per second, across the
 *     worker; bursts wait their turn. Defaults to 1, Twilio's limit for one US long code.
 * @param timeout {@code TWILIO_TIMEOUT_MS}: connect and request timeout. Defaults to 10 s.
 */
public record TwilioConfig(
    Optional<String> accountSid,
    Optional<String> authToken,
    Optional<String> from,
    URI apiBaseUrl,
    int maxPerSecond,
    Duration timeout) {

  public static TwilioConfig from(Env env) {
    return new TwilioConfig(
        env.string("TWILIO_ACCOUNT_SID"),
        env.string("TWILIO_AUTH_TOKEN"),
        env.string("TWILIO_FROM"),
        Urls.base(env, "TWILIO_API_BASE_URL", "https://api.twilio.com"),
        env.integer("TWILIO_MAX_PER_SECOND", 1, 1, 1000),
        env.millis("TWILIO_TIMEOUT_MS", 10_000, 100, 300_000));
  }

  public boolean configured() {
    return missing().isEmpty();
  }

  /** The variables still needed for SMS, for the "sms unsent" log line. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    accountSid.ifPresentOrElse(v -> {}, () -> missing.add("TWILIO_ACCOUNT_SID"));
    authToken.ifPresentOrElse(v -> {}, () -> missing.add("TWILIO_AUTH_TOKEN"));
    from.ifPresentOrElse(v -> {}, () -> missing.add("TWILIO_FROM"));
    return missing;
  }

  @Override
  public String toString() {
    return "TwilioConfig[configured=" + configured() + ", apiBaseUrl=" + apiBaseUrl + "]";
  }
}
