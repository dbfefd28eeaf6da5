package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.queue.PermanentFailure;
import com.stonegate.outbox.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics}: a valid exposition whose counters move as events are dispatched. */
class MetricsEndpointTest {
  private static final String[] KEY = {"x-api-key", AdminApi.KEY};

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private AdminApi api;

  @BeforeEach
  void setUp() {
    Handlers handlers =
        Handlers.builder()
            .add("test.ok", e -> Handled.processed())
            .add(
                "test.bad",
                e -> {
                  throw new PermanentFailure("invalid phone number");
                })
            .build();
    api = new AdminApi(db, AdminApi.Options.defaults(handlers));
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  @Test
  void exposition_parses_and_counters_move_as_events_are_dispatched() {
    Map<String, Double> before = scrape();
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'test.ok', '{}' FROM generate_series(1, 3)");
    db.update("INSERT INTO outbox_events (type, payload) VALUES ('test.bad', '{}'), ('x.y', '{}')");

    api.client.post("/api/admin/outbox/dispatch", "{}", KEY);
    Map<String, Double> after = scrape();

    assertThat(before).containsEntry(finished("test.ok", "processed"), 0.0);
    assertThat(after)
        .containsEntry(finished("test.ok", "processed"), 3.0)
        .containsEntry(finished("test.bad", "dead"), 1.0)
        .containsEntry(finished("other", "skipped"), 1.0)
        .containsEntry("outbox_handler_duration_seconds_count{type=\"test.ok\"}", 3.0)
        .containsEntry("outbox_handler_duration_seconds_bucket{le=\"+Inf\",type=\"test.ok\"}", 3.0)
        .containsEntry("outbox_batch_size_count", 1.0)
        .containsEntry("outbox_batch_size_sum", 5.0);
  }

  @Test
  void queue_gauges_follow_the_table_without_a_query_per_scrape() {
    // One statement: a snapshot taken between two inserts would show the pending event without
    // the dead one.
    db.update(
        "INSERT INTO outbox_events (type, payload, created_at, processed_at, dead_at) VALUES"
            + " ('test.ok', '{}', now() - interval '2 minutes', NULL, NULL),"
            + " ('test.bad', '{}', now(), now(), now())");

    await().until(() -> scrape().get("outbox_events_pending") == 1.0);
    Map<String, Double> m = scrape();

    assertThat(m)
        .containsEntry("outbox_events_due", 1.0)
        .containsEntry("outbox_events_dead", 1.0)
        .containsEntry("outbox_database_up", 1.0)
        .containsKeys(
            "outbox_events_table_dead_tuples",
            "outbox_events_table_live_tuples",
            "outbox_events_table_autovacuum_age_seconds",
            "outbox_deliveries_uncertain");
    assertThat(m.get("outbox_events_oldest_pending_age_seconds")).isBetween(119.0, 200.0);
  }

  @Test
  void jvm_pool_and_provider_metrics_are_exposed() {
    api.metrics.providers().record("twilio", "sms", ProviderCalls.Result.OK);
    api.metrics.providers().record("twilio", "sms", ProviderCalls.Result.TRANSIENT);
    api.metrics.providers().record("smtp", "Email To Jane", ProviderCalls.Result.PERMANENT);
    api.metrics.seo().attempted("quota_met");

    Map<String, Double> m = scrape();

    assertThat(m)
        .containsEntry("outbox_provider_calls_total{kind=\"sms\",provider=\"twilio\"}", 2.0)
        .containsEntry(
            "outbox_provider_failures_total{failure=\"transient\",kind=\"sms\",provider=\"twilio\"}",
            1.0)
        .containsEntry(
            "outbox_provider_failures_total{failure=\"permanent\",kind=\"other\",provider=\"smtp\"}",
            1.0)
        .containsEntry("outbox_seo_attempts_total{result=\"quota_met\"}", 1.0);
    assertThat(m.keySet())
        .anyMatch(k -> k.startsWith("jvm_memory_used_bytes"))
        .anyMatch(k -> k.startsWith("jvm_gc_"))
        .anyMatch(k -> k.startsWith("process_cpu_usage"))
        .anyMatch(k -> k.startsWith("hikaricp_connections_active{pool=\"engine\"}"));
  }

  @Test
  void open_metrics_is_served_to_a_scraper_that_asks_for_it() {
    HttpResponse<String> answer =
        api.client.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(answer.body()).endsWith("# EOF\n");
  }

  private Map<String, Double> scrape() {
    HttpResponse<String> answer = api.client.get("/metrics");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    return Exposition.parse(answer.body());
  }

  private static String finished(String type, String outcome) {
    return "outbox_events_finished_total{outcome=\"" + outcome + "\",type=\"" + type + "\"}";
  }
}
