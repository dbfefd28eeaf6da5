package com.stonegate.outbox.provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Sends requests over {@code java.net.http} and sorts failures into transient and permanent. */
public final class HttpCalls {
  private static final int MAX_BODY_IN_ERROR = 300;

  private HttpCalls() {}

  /** A client with the given connect timeout that does not follow redirects. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /**
   * Sends the request and returns the response whatever its status. A timeout, a refused or broken
   * connection, or an interrupt is transient.
   */
  public static HttpResponse<String> send(HttpClient client, HttpRequest request, String what)
      throws ProviderException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ProviderException.transientFailure(what + ": " + e, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure(what + ": interrupted", null, e);
    }
  }

  /** Returns when the status is 2xx; otherwise throws, transient for 408, 429 and 5xx. */
  public static HttpResponse<String> check(HttpResponse<String> response, String what)
      throws ProviderException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String message = what + ": HTTP " + status + " " + abbreviate(response.body());
    if (status == 408 || status == 429 || status >= 500) {
      throw ProviderException.transientFailure(message, retryAfter(response), null);
    }
    throw ProviderException.permanent(message, null);
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_BODY_IN_ERROR ? flat : flat.substring(0, MAX_BODY_IN_ERROR) + "…";
  }
}
