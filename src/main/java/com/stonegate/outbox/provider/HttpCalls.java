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
    if (transientStatus(status)) {
      throw ProviderException.transientFailure(message, retryAfter(response), null);
    }
    throw ProviderException.permanent(message, null);
  }

  /** 408, 429 and 5xx: worth trying again. */
  public static boolean transientStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * {@link #send Sends} the request and {@link #check checks} its status, both under the name
   * {@code provider}, and records the call's result as {@code provider}/{@code kind} in {@code
   * calls}, OK or the failure's.
   */
  public static HttpResponse<String> exchange(
      HttpClient client, HttpRequest request, ProviderCalls calls, String provider, String kind)
      throws ProviderException {
    try {
      HttpResponse<String> response = check(send(client, request, provider), provider);
      calls.record(provider, kind, ProviderCalls.Result.OK);
      return response;
    } catch (ProviderException e) {
      calls.record(provider, kind, e.result());
      throw e;
    }
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

  /**
   * {@code text} on one line (each run of whitespace one space, trimmed) and cut after 300
   * characters with "…"; empty for null.
   */
  public static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_BODY_IN_ERROR ? flat : flat.substring(0, MAX_BODY_IN_ERROR) + "…";
  }
}
