package com.stonegate.outbox.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Google Calendar, optional: configured when the client id, secret, refresh token and calendar id
 * are all set; otherwise calendar sync is skipped quietly.
 *
 * @param clientId {@code GOOGLE_CLIENT_ID}
 * @param clientSecret {@code GOOGLE_CLIENT_SECRET}
 * @param refreshToken {@code GOOGLE_REFRESH_TOKEN}
 * @param calendarId {@code GOOGLE_CALENDAR_ID}, e.g. {@code primary}
 * @param tokenUrl {@code GOOGLE_OAUTH_TOKEN_URL}. Defaults to {@code
 *     https://oauth2.googleapis.com/token}.
 * @param apiBaseUrl {@code GOOGLE_CALENDAR_API_BASE_URL}. Defaults to {@code
 *     https://www.googleapis.com/calendar/v3}.
 * @param timeout {@code GOOGLE_TIMEOUT_MS}: connect and request timeout. Defaults to 10 s.
 */
public record GoogleConfig(
    Optional<String> clientId,
    Optional<String> clientSecret,
    Optional<String> refreshToken,
    Optional<String> calendarId,
    URI tokenUrl,
    URI apiBaseUrl,
    Duration timeout) {

  public static GoogleConfig from(Env env) {
    return new GoogleConfig(
        env.string("GOOGLE_CLIENT_ID"),
        env.string("GOOGLE_CLIENT_SECRET"),
        env.string("GOOGLE_REFRESH_TOKEN"),
        env.string("GOOGLE_CALENDAR_ID"),
        Urls.base(env, "GOOGLE_OAUTH_TOKEN_URL", "https://oauth2.googleapis.com/token"),
        Urls.base(env, "GOOGLE_CALENDAR_API_BASE_URL", "https://www.googleapis.com/calendar/v3"),
        env.millis("GOOGLE_TIMEOUT_MS", 10_000, 100, 300_000));
  }

  public boolean configured() {
    return clientId.isPresent()
        && clientSecret.isPresent()
        && refreshToken.isPresent()
        && calendarId.isPresent();
  }

  @Override
  public String toString() {
    return "GoogleConfig[configured=" + configured() + ", calendarId=" + calendarId + "]";
  }
}
