package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** enqueue, status, dead and requeue as an operator types them. */
class QueueCommandsIT {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  @Test
  void enqueue_inserts_the_event_and_prints_its_id() throws Exception {
    WorkerProcess enqueue = run("enqueue", "quote.sent", "{\"quoteId\":\"q-1\"}");

    assertThat(enqueue.waitFor(Duration.ofSeconds(60))).as(enqueue.output()).isZero();
    UUID id = UUID.fromString(enqueue.stdout().strip());
    assertThat(db.<String>value("SELECT payload->>'quoteId' FROM outbox_events WHERE id = ?", id))
        .isEqualTo("q-1");
  }

  @Test
  void enqueue_rejects_a_payload_that_is_not_a_json_object() throws Exception {
    WorkerProcess notJson = run("enqueue", "quote.sent", "{quoteId: 1");
    WorkerProcess notObject = run("enqueue", "quote.sent", "[1, 2]");

    assertThat(notJson.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(notJson.stderr()).contains("JSON is not valid JSON");
    assertThat(notObject.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(notObject.stderr()).contains("JSON must be a JSON object");
    assertThat(db.count("SELECT count(*) FROM outbox_events")).isZero();
  }

  @Test
  void status_counts_pending_retrying_and_dead_events_per_type() throws Exception {
    db.update(
        "INSERT INTO outbox_events (type, payload, created_at) VALUES ('quote.sent', '{}', now() - interval '10 minutes')");
    db.update(
        "INSERT INTO outbox_events (type, payload, attempts, next_attempt_at, last_error) VALUES ('quote.sent', '{}', 1, now() + interval '1 hour', 'twilio: HTTP 503')");
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at, dead_at, last_error) VALUES ('lead.created', '{}', now(), now(), 'boom')");
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at) VALUES ('lead.created', '{}', now())");

    WorkerProcess status = run("status", "--json");

    assertThat(status.waitFor(Duration.ofSeconds(60))).as(status.output()).isZero();
    JsonNode json = new ObjectMapper().readTree(status.stdout());
    assertThat(json.get("pending").asLong()).isEqualTo(2);
    assertThat(json.get("due").asLong()).isEqualTo(1);
    assertThat(json.get("retrying").asLong()).isEqualTo(1);
    assertThat(json.get("dead").asLong()).isEqualTo(1);
    assertThat(json.get("oldestPendingSeconds").asDouble()).isGreaterThanOrEqualTo(600);
    assertThat(json.at("/byType/quote.sent/pending").asLong()).isEqualTo(2);
    assertThat(json.at("/byType/lead.created/dead").asLong()).isEqualTo(1);
    assertThat(json.at("/retries/0/attempts").asInt()).isEqualTo(1);
    assertThat(json.at("/retries/0/lastError").asText()).isEqualTo("twilio: HTTP 503");
    assertThat(json.at("/retries/0/nextAttemptAt").asText()).isNotBlank();
    assertThat(json.get("maxAttempts").asInt()).isEqualTo(8);
  }

  @Test
  void dead_events_are_listed_with_their_error_and_requeued_with_fresh_attempts() throws Exception {
    UUID dead =
        db.value(
            "INSERT INTO outbox_events (type, payload, attempts, processed_at, dead_at, last_error) VALUES ('quote.sent', '{}', 8, now(), now(), 'smtp 550 mailbox unavailable') RETURNING id");
    db.update(
        "INSERT INTO outbox_events (type, payload, attempts, processed_at, dead_at, last_error) VALUES ('lead.created', '{}', 8, now(), now(), 'other')");

    WorkerProcess list = run("dead");
    assertThat(list.waitFor(Duration.ofSeconds(60))).as(list.output()).isZero();
    assertThat(list.stdout()).contains(dead.toString(), "smtp 550 mailbox unavailable", "2 dead");

    WorkerProcess one = run("requeue", dead.toString());
    assertThat(one.waitFor(Duration.ofSeconds(60))).as(one.output()).isZero();
    assertThat(one.stdout()).contains("requeued 1");
    Map<String, Object> row =
        db.query("SELECT attempts, processed_at, dead_at FROM outbox_events WHERE id = ?", dead)
            .get(0);
    assertThat(row)
        .containsEntry("attempts", 0)
        .containsEntry("processed_at", null)
        .containsEntry("dead_at", null);

    WorkerProcess all = run("requeue", "--all-dead");
    assertThat(all.waitFor(Duration.ofSeconds(60))).as(all.output()).isZero();
    assertThat(all.stdout()).contains("requeued 1");
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE dead_at IS NOT NULL")).isZero();
  }

  private WorkerProcess run(String... args) {
    return WorkerProcess.start(workDir, Map.of("DATABASE_URL", db.url()), args);
  }
}
