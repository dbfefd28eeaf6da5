package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The jar as an operator runs it: exit codes and output (signals: {@link ShutdownIT}). */
class RunCommandIT {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void run_once_drains_one_batch_prints_the_summary_and_exits_0() throws Exception {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'bench.noop', '{}' FROM generate_series(1, 12)");
    db.update("INSERT INTO outbox_events (type, payload) VALUES ('no.such.type', '{}')");

    try (WorkerProcess worker = WorkerProcess.start(workDir, env())) {
      assertThat(worker.waitFor(Duration.ofSeconds(60))).as(worker.output()).isZero();
      assertThat(worker.stdout().lines().filter(l -> l.startsWith("{\"ok\"")))
          .containsExactly(
              "{\"ok\":true,\"total\":10,\"processed\":10,\"skipped\":0,\"errors\":0}",
              "{\"ok\":true,\"seo\":{\"ok\":true,\"skipped\":true,\"reason\":\"openai_not_configured\"}}");
    }
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL"))
        .isEqualTo(3);
  }

  @Test
  void each_outcome_is_one_json_line_with_the_event_and_what_became_of_it() throws Exception {
    UUID noop =
        db.<UUID>value(
            "INSERT INTO outbox_events (type, payload) VALUES ('bench.noop', '{}') RETURNING id");
    UUID unknown =
        db.<UUID>value(
            "INSERT INTO outbox_events (type, payload) VALUES ('no.such.type', '{}') RETURNING id");

    Map<String, String> env = env();
    env.put("OUTBOX_LOG_FORMAT", "json"); // the production default
    Map<String, JsonNode> lines = new HashMap<>();
    try (WorkerProcess worker = WorkerProcess.start(workDir, env)) {
      assertThat(worker.waitFor(Duration.ofSeconds(60))).as(worker.output()).isZero();
      for (String line : worker.stdout().lines().toList()) {
        JsonNode json = JSON.readTree(line);
        if (json.has("outcome")) {
          lines.put(json.path("eventId").asText(), json);
        }
      }
    }

    assertThat(lines).containsOnlyKeys(noop.toString(), unknown.toString());
    JsonNode processed = lines.get(noop.toString());
    assertThat(processed.path("level").asText()).isEqualTo("INFO");
    assertThat(processed.path("eventType").asText()).isEqualTo("bench.noop");
    assertThat(processed.path("outcome").asText()).isEqualTo("processed");
    assertThat(processed.path("attempt").asInt()).isEqualTo(1);
    assertThat(processed.path("maxAttempts").asInt()).isEqualTo(8);
    assertThat(processed.path("durationMs").isIntegralNumber()).isTrue();
    assertThat(processed.has("reason")).isFalse();
    assertThat(processed.path("message").asText())
        .startsWith("bench.noop processed attempt 1/8 in ");
    JsonNode skipped = lines.get(unknown.toString());
    assertThat(skipped.path("outcome").asText()).isEqualTo("skipped");
    assertThat(skipped.path("reason").asText()).isEqualTo("unknown_type");
    assertThat(skipped.path("message").asText()).endsWith(" ms: unknown_type");
  }

  @Test
  void bad_variable_exits_2_with_one_line_naming_it() throws Exception {
    Map<String, String> env = env();
    env.put("OUTBOX_BATCH_SIZE", "abc");

    try (WorkerProcess worker = WorkerProcess.start(workDir, env)) {
      assertThat(worker.waitFor(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(worker.stderr().lines())
          .containsExactly(
              "outbox-worker: OUTBOX_BATCH_SIZE='abc' is invalid: expected an integer from 1 to 1000");
      assertThat(worker.stdout()).isEmpty();
    }
  }

  @Test
  void unreachable_database_exits_1_with_one_line() throws Exception {
    Map<String, String> env = env();
    env.put("DATABASE_URL", "postgres://someone:secret@127.0.0.1:1/stonegate");

    try (WorkerProcess worker = WorkerProcess.start(workDir, env)) {
      assertThat(worker.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
      assertThat(worker.stderr().lines().filter(l -> !l.isBlank()))
          .singleElement()
          .asString()
          .startsWith("outbox-worker: cannot reach the database:")
          .doesNotContain("secret");
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.url());
    return env;
  }
}
