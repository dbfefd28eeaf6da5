package com.stonegate.outbox.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.GoogleConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import com.stonegate.outbox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoogleCalendarTest {
  private final HttpStandIn google =
      HttpStandIn.start(
          r ->
              r.path().equals("/token")
                  ? new Reply(200, "{\"access_token\":\"tok\",\"expires_in\":3600}")
                  : new Reply(200, "{\"id\":\"abc123\"}"));
  private final MutableClock clock = MutableClock.atSystemTime();
  private final GoogleCalendar calendar =
      new GoogleCalendar(calendarConfig(), clock, ProviderCalls.NONE);
  private final CalendarEvent event =
      new CalendarEvent(
          "abc123",
          "Estimate",
          "d",
          "here",
          Instant.parse("2026-12-08T14:00:00Z"),
          Instant.parse("2026-12-08T16:00:00Z"),
          "America/New_York");

  private GoogleConfig calendarConfig() {
    return Config.from(
            Map.of(
                "GOOGLE_CLIENT_ID", "id",
                "GOOGLE_CLIENT_SECRET", "secret",
                "GOOGLE_REFRESH_TOKEN", "refresh",
                "GOOGLE_CALENDAR_ID", "team@example.com",
                "GOOGLE_OAUTH_TOKEN_URL", google.baseUrl() + "/token",
                "GOOGLE_CALENDAR_API_BASE_URL", google.baseUrl() + "/v3"))
        .notifications()
        .google();
  }

  @AfterEach
  void tearDown() {
    google.close();
  }

  @Test
  void deleted_entry_is_re_created_and_a_taken_id_is_updated_instead() throws Exception {
    google.enqueue(new Reply(200, "{\"access_token\":\"tok\",\"expires_in\":3600}"));
    google.enqueue(new Reply(410, "{}")); // PUT old: gone
    google.enqueue(new Reply(409, "{}")); // POST: our id exists already
    assertThat(calendar.upsert("old-id", event)).isEqualTo("abc123");

    assertThat(google.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "POST /token",
            "PUT /v3/calendars/team@example.com/events/old-id",
            "POST /v3/calendars/team@example.com/events",
            "PUT /v3/calendars/team@example.com/events/abc123");
  }

  @Test
  void each_call_is_recorded_as_what_upsert_made_of_it() {
    List<String> recorded = new ArrayList<>();
    GoogleCalendar recording =
        new GoogleCalendar(
            calendarConfig(), clock, (p, kind, result) -> recorded.add(kind + " " + result));
    google.enqueue(new Reply(200, "{\"access_token\":\"tok\",\"expires_in\":3600}"));
    google.enqueue(new Reply(404, "{}")); // PUT old: gone, so create it: handled
    google.enqueue(new Reply(404, "{}")); // POST: no such calendar: a permanent failure
    assertThatThrownBy(() -> recording.upsert("old-id", event))
        .isInstanceOf(ProviderException.class);
    google.enqueue(new Reply(408, "{}")); // POST: request timeout, retried by the engine
    assertThatThrownBy(() -> recording.upsert(null, event)).isInstanceOf(ProviderException.class);

    assertThat(recorded)
        .containsExactly(
            "token OK",
            "calendar_event OK",
            "calendar_event PERMANENT",
            "calendar_event TRANSIENT");
  }

  @Test
  void the_token_is_cached_until_it_expires() throws Exception {
    calendar.upsert(null, event);
    calendar.upsert(null, event);
    clock.advance(Duration.ofHours(1));
    calendar.upsert(null, event);

    assertThat(google.requests()).filteredOn(r -> r.path().equals("/token")).hasSize(2);
  }
}
