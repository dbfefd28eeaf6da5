package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The jar's HTTP side as an operator starts it: serve, a polling run, and their failures. */
class ServeCommandIT {
  private static final String KEY = "it-admin-key-9f8e7d6c5b4a39281706";
  private static final Duration START = Duration.ofSeconds(60);
  private static final String DISPATCH = "/api/admin/outbox/dispatch";

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void serve_dispatches_only_on_request_exits_0_on_sigterm_and_never_logs_the_key()
      throws Exception {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'bench.noop', '{}' FROM generate_series(1, 3)");
    Map<String, String> env = env();
    env.put("OUTBOX_LOG_LEVEL", "debug");
    env.put("SEO_AUTOPUBLISH_DISABLED", "1");

    try (WorkerProcess serve = WorkerProcess.start(workDir, env, "serve")) {
      int port = serve.httpPort(START);
      assertThat(pending()).as("serve does not poll").isEqualTo(3);

      assertThat(post(port, DISPATCH, "x-api-key", KEY.substring(2)).statusCode()).isEqualTo(401);
      HttpResponse<String> answer = post(port, DISPATCH, "Authorization", "Bearer " + KEY);

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .isEqualTo("{\"ok\":true,\"total\":3,\"processed\":3,\"skipped\":0,\"errors\":0}");
      assertThat(heartbeats("serve")).isOne();
      HttpResponse<String> seo = post(port, "/api/admin/seo/run", "x-api-key", KEY);
      assertThat(seo.body())
          .isEqualTo(
              "{\"ok\":true,\"result\":{\"ok\":true,\"skipped\":true,\"reason\":\"disabled\"}}");
      serve.terminate();
      assertThat(serve.waitFor(Duration.ofSeconds(30))).as(serve.output()).isZero();
      assertThat(serve.stdout())
          .contains("POST /api/admin/outbox/dispatch 401")
          .contains("POST /api/admin/outbox/dispatch 200")
          .contains("POST /api/admin/seo/run 200");
      assertThat(serve.output()).doesNotContain(KEY).doesNotContain(KEY.substring(2));
    }
    assertThat(heartbeats("serve")).as("row deleted at a graceful stop").isZero();
  }

  @Test
  void polling_run_is_ready_beats_its_heartbeat_and_status_lists_it_live() throws Exception {
    Map<String, String> env = env();
    env.put("OUTBOX_POLL_INTERVAL_MS", "200");
    env.remove("ADMIN_API_KEY");

    try (WorkerProcess run = WorkerProcess.start(workDir, env, "run")) {
      int port = run.httpPort(START);
      await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/readyz").statusCode() == 200);
      assertThat(get(port, "/metrics").body()).contains("outbox_worker_loop_beat_age_seconds");
      assertThat(run.stdout()).contains("ADMIN_API_KEY is not set: every admin call is refused");

      WorkerProcess status = WorkerProcess.start(workDir, env(), "status", "--json");
      assertThat(status.waitFor(START)).as(status.output()).isZero();
      JsonNode workers = new ObjectMapper().readTree(status.stdout()).get("workers");
      assertThat(workers).hasSize(1);
      assertThat(workers.get(0).get("state").asText()).isEqualTo("live");
      assertThat(workers.get(0).get("mode").asText()).isEqualTo("run");
      run.terminate();
      assertThat(run.waitFor(Duration.ofSeconds(30))).as(run.output()).isZero();
    }
  }

  @Test
  void run_once_starts_no_server_even_on_a_busy_port() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Map<String, String> env = env();
      env.put("OUTBOX_HTTP_PORT", String.valueOf(taken.getLocalPort()));

      try (WorkerProcess once = WorkerProcess.start(workDir, env)) {
        assertThat(once.waitFor(START)).as(once.output()).isZero();
      }
    }
    assertThat(heartbeats("run")).isZero();
  }

  @Test
  void a_busy_port_stops_a_polling_worker_with_one_line_and_exit_1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Map<String, String> env = env();
      env.put("OUTBOX_POLL_INTERVAL_MS", "200");
      env.put("OUTBOX_HTTP_PORT", String.valueOf(taken.getLocalPort()));

      try (WorkerProcess run = WorkerProcess.start(workDir, env, "run")) {
        assertThat(run.waitFor(START)).as(run.output()).isEqualTo(1);
        assertThat(run.stderr().lines().filter(l -> !l.isBlank()))
            .singleElement()
            .asString()
            .startsWith("outbox-worker: cannot listen on 127.0.0.1:" + taken.getLocalPort())
            .contains("OUTBOX_HTTP_PORT");
      }
    }
  }

  @Test
  void serve_with_the_server_turned_off_is_a_configuration_error() throws Exception {
    Map<String, String> env = env();
    env.put("OUTBOX_HTTP_ENABLED", "0");

    try (WorkerProcess serve = WorkerProcess.start(workDir, env, "serve")) {
      assertThat(serve.waitFor(START)).isEqualTo(2);
      assertThat(serve.stderr()).contains("OUTBOX_HTTP_ENABLED=0");
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.url());
    env.put("ADMIN_API_KEY", KEY);
    return env;
  }

  private HttpResponse<String> post(int port, String path, String header, String value)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(port, path))
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString("{\"limit\": 10}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private long pending() {
    return db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL");
  }

  private long heartbeats(String mode) {
    return db.count("SELECT count(*) FROM outbox_worker_heartbeats WHERE mode = ?", mode);
  }
}
