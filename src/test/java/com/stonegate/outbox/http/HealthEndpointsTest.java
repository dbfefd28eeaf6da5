package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /healthz} and {@code /readyz}: each check failing, naming itself, and recovering. */
class HealthEndpointsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private final MutableClock clock = MutableClock.atSystemTime();
  private final CountDownLatch release = new CountDownLatch(1);
  private AdminApi api;

  @AfterEach
  void tearDown() {
    release.countDown();
    db.server().execute("ALTER DATABASE " + name() + " ALLOW_CONNECTIONS true");
    api.close();
  }

  @Test
  void healthz_answers_while_the_process_runs() {
    start(false, Duration.ofMinutes(10));

    HttpResponse<String> answer = api.client.get("/healthz");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void readyz_is_503_naming_the_worker_while_its_poll_loop_is_stuck_then_200_again()
      throws Exception {
    start(true, Duration.ofMinutes(10));
    await().until(() -> status() == 200);
    db.update("INSERT INTO outbox_events (type, payload) VALUES ('test.stuck', '{}')");
    await()
        .until(
            () -> db.count("SELECT count(*) FROM outbox_events WHERE locked_by IS NOT NULL") == 1);

    clock.advance(Duration.ofSeconds(91));

    await().until(() -> status() == 503);
    JsonNode answer = body();
    assertThat(answer.get("failing").toString()).isEqualTo("[\"worker\"]");
    assertThat(answer.at("/checks/worker/detail").asText()).contains("max 90000");
    release.countDown();
    await().until(() -> status() == 200);
  }

  @Test
  void readyz_is_503_naming_the_database_while_it_refuses_connections_then_200_again()
      throws Exception {
    start(false, Duration.ofMinutes(10));
    await().until(() -> status() == 200);

    db.server().execute("ALTER DATABASE " + name() + " ALLOW_CONNECTIONS false");
    db.server()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + name()
                + "'");

    await().atMost(Duration.ofSeconds(15)).until(() -> status() == 503);
    assertThat(body().get("failing").get(0).asText()).isEqualTo("database");
    db.server().execute("ALTER DATABASE " + name() + " ALLOW_CONNECTIONS true");
    await().atMost(Duration.ofSeconds(15)).until(() -> status() == 200);
  }

  @Test
  void readyz_is_503_naming_the_queue_when_the_oldest_due_event_is_too_old() throws Exception {
    start(false, Duration.ofMinutes(5));
    db.update(
        "INSERT INTO outbox_events (type, payload, created_at)"
            + " VALUES ('test.stuck', '{}', now() - interval '6 minutes')");

    await().until(() -> status() == 503);
    assertThat(body().get("failing").toString()).isEqualTo("[\"queue\"]");
    db.update("UPDATE outbox_events SET processed_at = now()");
    await().until(() -> status() == 200);
  }

  private void start(boolean polling, Duration queueMaxAge) {
    Handlers handlers =
        Handlers.builder()
            .add(
                "test.stuck",
                e -> {
                  release.await(30, TimeUnit.SECONDS);
                  return Handled.processed();
                })
            .build();
    AdminApi.Options o = AdminApi.Options.defaults(handlers);
    api =
        new AdminApi(
            db, new AdminApi.Options(o.key(), handlers, clock, polling, o.seo(), queueMaxAge));
  }

  private int status() {
    return api.client.get("/readyz").statusCode();
  }

  private JsonNode body() throws Exception {
    return new ObjectMapper().readTree(api.client.get("/readyz").body());
  }

  private String name() {
    String url = db.config().jdbcUrl();
    return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
  }
}
