package com.stonegate.outbox.provider.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.config.GoogleConfig;
import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.IntStream;

/** Google Calendar v3 over REST: insert with a chosen id, update with PUT. */
public final class GoogleCalendar implements CalendarClient {
  private final GoogleConfig config;
  private final HttpClient http;
  private final GoogleTokens tokens;
  private final ProviderCalls calls;
  private final ObjectMapper json = new ObjectMapper();

  public GoogleCalendar(GoogleConfig config, Clock clock, ProviderCalls calls) {
    if (!config.configured()) {
      throw new IllegalArgumentException("Google Calendar is not configured");
    }
    this.config = config;
    this.http = HttpCalls.client(config.timeout());
    this.tokens = new GoogleTokens(config, http, clock, calls);
    this.calls = calls;
  }

  @Override
  public String upsert(String existingId, CalendarEvent event) throws ProviderException {
    if (existingId != null) {
      HttpResponse<String> updated = call("PUT", existingId, event, 404, 410);
      if (updated.statusCode() != 404 && updated.statusCode() != 410) {
        return idOf(HttpCalls.check(updated, "google calendar"), existingId);
      }
    }
    HttpResponse<String> created = call("POST", null, event, 409);
    if (created.statusCode() == 409) { // our id is taken: an earlier attempt created it
      created = call("PUT", event.id(), event);
    }
    return idOf(HttpCalls.check(created, "google calendar"), event.id());
  }

  /**
   * One request, with a fresh token and a second try when Google says the token expired. Its result
   * is recorded as OK for 2xx and for the {@code handled} statuses the caller goes on from.
   */
  private HttpResponse<String> call(String method, String id, CalendarEvent event, int... handled)
      throws ProviderException {
    HttpResponse<String> response = callOnce(method, id, event);
    if (response.statusCode() == 401) {
      tokens.invalidate();
      response = callOnce(method, id, event);
    }
    int status = response.statusCode();
    ProviderCalls.Result result =
        status < 300 || IntStream.of(handled).anyMatch(h -> h == status)
            ? ProviderCalls.Result.OK
            : HttpCalls.transientStatus(status)
                ? ProviderCalls.Result.TRANSIENT
                : ProviderCalls.Result.PERMANENT;
    calls.record("google", "calendar_event", result);
    return response;
  }

  private HttpResponse<String> callOnce(String method, String id, CalendarEvent event)
      throws ProviderException {
    String base =
        config.apiBaseUrl()
            + "/calendars/"
            + URLEncoder.encode(config.calendarId().orElseThrow(), StandardCharsets.UTF_8)
            + "/events";
    URI uri = URI.create(id == null ? base : base + "/" + id);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Authorization", "Bearer " + tokens.current())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body(event)))
            .build();
    try {
      return HttpCalls.send(http, request, "google calendar");
    } catch (ProviderException e) {
      calls.record("google", "calendar_event", e.result());
      throw e;
    }
  }

  private String body(CalendarEvent event) {
    ObjectNode body = json.createObjectNode();
    body.put("id", event.id());
    body.put("summary", event.summary());
    body.put("description", event.description());
    body.put("location", event.location());
    body.putObject("start")
        .put("dateTime", event.start().toString())
        .put("timeZone", event.timeZone());
    body.putObject("end").put("dateTime", event.end().toString()).put("timeZone", event.timeZone());
    return body.toString();
  }

  private String idOf(HttpResponse<String> response, String fallback) {
    try {
      return json.readTree(response.body()).path("id").asText(fallback);
    } catch (IOException e) {
      return fallback;
    }
  }
}
