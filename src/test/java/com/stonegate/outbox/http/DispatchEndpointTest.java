package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/admin/outbox/dispatch} through a real client: every answer it can give. */
class DispatchEndpointTest {
  private static final String DISPATCH = "/api/admin/outbox/dispatch";
  private static final String[] KEY = {"x-api-key", AdminApi.KEY};

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private AdminApi api;

  @AfterEach
  void tearDown() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void dispatch_with_the_key_runs_one_batch_and_answers_the_summary() {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 3);
    enqueue("no.such.type", 1);

    HttpResponse<String> answer = api.client.post(DISPATCH, "{\"limit\": 10}", KEY);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body())
        .isEqualTo("{\"ok\":true,\"total\":4,\"processed\":3,\"skipped\":1,\"errors\":0}");
    assertThat(pending()).isZero();
  }

  @Test
  void the_key_may_come_as_a_bearer_token() {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 1);

    HttpResponse<String> answer =
        api.client.post(DISPATCH, "", "Authorization", "Bearer " + AdminApi.KEY);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(pending()).isZero();
  }

  @Test
  void no_key_or_a_wrong_key_is_401_and_nothing_runs() {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 1);

    assertUnauthorized(api.client.post(DISPATCH, "{}"));
    assertUnauthorized(api.client.post(DISPATCH, "{}", "x-api-key", AdminApi.KEY + "x"));
    assertUnauthorized(api.client.post(DISPATCH, "{}", "x-api-key", AdminApi.KEY.substring(1)));
    assertUnauthorized(api.client.post(DISPATCH, "{}", "Authorization", "Basic " + AdminApi.KEY));
    assertUnauthorized(api.client.post(DISPATCH, "{}", "Authorization", "Bearer "));
    assertThat(pending()).isEqualTo(1);
  }

  @Test
  void without_a_configured_key_every_admin_call_is_refused() {
    start(Optional.empty());
    enqueue("test.ok", 1);

    assertUnauthorized(api.client.post(DISPATCH, "{}", "x-api-key", ""));
    assertUnauthorized(api.client.post(DISPATCH, "{}", "x-api-key", "anything"));
    assertUnauthorized(api.client.post("/api/admin/seo/run", "{}", "x-api-key", "anything"));
    assertThat(pending()).isEqualTo(1);
  }

  @Test
  void an_empty_body_dispatches_the_default_of_ten() {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 12);

    assertThat(api.client.post(DISPATCH, "", KEY).body()).contains("\"total\":10");
    assertThat(api.client.post(DISPATCH, "  \n", KEY).body()).contains("\"total\":2");
  }

  @Test
  void the_limit_is_capped_at_fifty() {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 60);

    assertThat(api.client.post(DISPATCH, "{\"limit\": 1000000}", KEY).body())
        .contains("\"total\":50");
    assertThat(api.client.post(DISPATCH, "{\"limit\": 5.0}", KEY).body()).contains("\"total\":5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "1.5", "\"10\"", "true", "[]", "{}", "1e400", "-99999999999999999999"})
  void a_limit_that_is_not_a_positive_integer_is_400_invalid_limit(String limit) {
    start(Optional.of(AdminApi.KEY));
    enqueue("test.ok", 1);

    HttpResponse<String> answer = api.client.post(DISPATCH, "{\"limit\": " + limit + "}", KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_limit\"}");
    assertThat(pending()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"limit\": }",
        "[1]",
        "\"x\"",
        "{\"limit\":1} {}",
        "{\"limit\":1,\"limit\":2}"
      })
  void a_body_that_is_not_one_json_object_is_400_invalid_json(String body) {
    start(Optional.of(AdminApi.KEY));

    HttpResponse<String> answer = api.client.post(DISPATCH, body, KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_json\"}");
  }

  @Test
  void invalid_utf8_is_400_invalid_json() {
    start(Optional.of(AdminApi.KEY));
    byte[] body = {'{', '"', 'l', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};

    HttpResponse<String> answer = api.client.post(DISPATCH, body, KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_json\"}");
  }

  private void start(Optional<String> key) {
    Handlers handlers = Handlers.builder().add("test.ok", e -> Handled.processed()).build();
    AdminApi.Options o = AdminApi.Options.defaults(handlers);
    api =
        new AdminApi(
            db, new AdminApi.Options(key, handlers, o.clock(), false, o.seo(), o.queueMaxAge()));
  }

  private void enqueue(String type, int n) {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT ?, '{}' FROM generate_series(1, ?)",
        type,
        n);
  }

  private long pending() {
    return db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL");
  }

  private static void assertUnauthorized(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).isEqualTo("{\"error\":\"unauthorized\"}");
  }
}
