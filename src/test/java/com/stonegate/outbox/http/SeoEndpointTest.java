package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/admin/seo/run}: the key, {@code force}, and the result as the trigger gives it.
 */
class SeoEndpointTest {
  private static final String RUN = "/api/admin/seo/run";
  private static final String[] KEY = {"x-api-key", AdminApi.KEY};

  /** Stands in for SeoResult: a record Jackson serialises. */
  record Result(boolean ok, boolean skipped, String reason) {}

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private final List<Boolean> forced = new CopyOnWriteArrayList<>();
  private AdminApi api;

  @AfterEach
  void tearDown() {
    api.close();
  }

  @Test
  void run_passes_force_and_answers_the_result() {
    start(
        force -> {
          forced.add(force);
          return new Result(true, true, "quota_met");
        });

    HttpResponse<String> plain = api.client.post(RUN, "", KEY);
    HttpResponse<String> force = api.client.post(RUN, "{\"force\": true}", KEY);

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body())
        .isEqualTo(
            "{\"ok\":true,\"result\":{\"ok\":true,\"skipped\":true,\"reason\":\"quota_met\"}}");
    assertThat(force.statusCode()).isEqualTo(200);
    assertThat(forced).containsExactly(false, true);
  }

  @Test
  void force_that_is_not_a_boolean_is_400_and_no_attempt_runs() {
    start(
        force -> {
          forced.add(force);
          return new Result(true, true, "quota_met");
        });

    HttpResponse<String> answer = api.client.post(RUN, "{\"force\": \"yes\"}", KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_force\"}");
    assertThat(forced).isEmpty();
  }

  @Test
  void run_needs_the_key() {
    start(force -> new Result(true, false, null));

    assertThat(api.client.post(RUN, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void a_process_without_the_autopublisher_answers_503() {
    start(SeoTrigger.UNAVAILABLE);

    HttpResponse<String> answer = api.client.post(RUN, "{}", KEY);

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).isEqualTo("{\"error\":\"seo_unavailable\"}");
  }

  private void start(SeoTrigger seo) {
    AdminApi.Options o = AdminApi.Options.defaults(Handlers.builder().build());
    api =
        new AdminApi(
            db,
            new AdminApi.Options(o.key(), o.handlers(), o.clock(), false, seo, o.queueMaxAge()));
  }
}
