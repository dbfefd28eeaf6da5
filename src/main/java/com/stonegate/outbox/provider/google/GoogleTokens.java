package com.stonegate.outbox.provider.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.GoogleConfig;
import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * OAuth access tokens from the refresh-token grant, cached until a minute before they expire.
 * Thread-safe; one refresh at a time.
 */
final class GoogleTokens {
  private final GoogleConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final ProviderCalls calls;
  private final ObjectMapper json = new ObjectMapper();
  private String token;
  private Instant expires = Instant.MIN;

  GoogleTokens(GoogleConfig config, HttpClient http, Clock clock, ProviderCalls calls) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.calls = calls;
  }

  synchronized String current() throws ProviderException {
    if (token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    String form =
        "grant_type=refresh_token"
            + "&client_id="
            + encode(config.clientId().orElseThrow())
            + "&client_secret="
            + encode(config.clientSecret().orElseThrow())
            + "&refresh_token="
            + encode(config.refreshToken().orElseThrow());
    HttpRequest request =
        HttpRequest.newBuilder(config.tokenUrl())
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      String body =
          HttpCalls.check(HttpCalls.send(http, request, "google token"), "google token").body();
      JsonNode answer = json.readTree(body);
      token = answer.path("access_token").asText();
      expires =
          clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(3600) - 60));
      calls.record("google", "token", ProviderCalls.Result.OK);
      return token;
    } catch (ProviderException e) {
      calls.record("google", "token", e.result());
      throw e;
    } catch (IOException e) {
      calls.record("google", "token", ProviderCalls.Result.TRANSIENT);
      throw ProviderException.transientFailure("google token: unreadable answer", null, e);
    }
  }

  /** Forgets the token (Google said 401), so the next call refreshes it. */
  synchronized void invalidate() {
    token = null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
