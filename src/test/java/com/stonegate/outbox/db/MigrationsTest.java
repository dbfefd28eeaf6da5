package com.stonegate.outbox.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.empty();

  @Test
  void empty_database_gets_the_api_tables_and_the_engine_columns() {
    // Other engineers add migrations too; at least the engine's three.
    assertThat(Database.migrate(db.dataSource())).isGreaterThanOrEqualTo(3);

    assertThat(tables())
        .contains(
            "outbox_events",
            "contacts",
            "properties",
            "leads",
            "appointments",
            "quotes",
            "crm_pipeline",
            "blog_posts",
            "seo_agent_state",
            Database.HISTORY_TABLE);
    assertThat(columns("outbox_events"))
        .contains(
            "attempts",
            "next_attempt_at",
            "last_error",
            "locked_by",
            "locked_until",
            "dead_at",
            "skip_reason");
    assertThat(
            db.<String>value(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'crm_pipeline' AND column_name = 'stage'"))
        .isEqualTo("USER-DEFINED");
    assertThat(Database.migrate(db.dataSource())).as("second run").isZero();
  }

  @Test
  void stonegate_schema_with_queued_rows_keeps_its_rows_and_they_are_claimable() throws Exception {
    db.runScript("/stonegate-api-schema.sql");
    db.update(
        "INSERT INTO outbox_events (type, payload) VALUES ('quote.sent', '{\"quoteId\":\"q1\"}'), ('lead.created', '{\"leadId\":\"l1\"}')");
    db.update("UPDATE outbox_events SET processed_at = now() WHERE type = 'lead.created'");
    List<Map<String, Object>> before =
        db.query(
            "SELECT id, type, payload::text, created_at, processed_at FROM outbox_events ORDER BY type");

    Database.migrate(db.dataSource());

    assertThat(
            db.query(
                "SELECT id, type, payload::text, created_at, processed_at FROM outbox_events ORDER BY type"))
        .isEqualTo(before);
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE attempts = 0")).isEqualTo(2);
    OutboxStore store = new OutboxStore(db.dataSource(), new ObjectMapper());
    Instant now = Instant.now();
    assertThat(store.claimDue("w#1", 10, now, now.plusSeconds(60)))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("quote.sent"));
  }

  @Test
  void stonegate_schema_with_its_own_retry_columns_keeps_their_values() {
    db.runScript("/stonegate-api-schema.sql");
    db.update(
        "ALTER TABLE outbox_events ADD COLUMN attempts integer NOT NULL DEFAULT 0,"
            + " ADD COLUMN next_attempt_at timestamptz, ADD COLUMN last_error text");
    db.update(
        "INSERT INTO outbox_events (type, payload, attempts, next_attempt_at, last_error)"
            + " VALUES ('quote.sent', '{}', 3, '2030-01-01T00:00:00Z', 'twilio 503')");

    Database.migrate(db.dataSource());

    Map<String, Object> row =
        db.query("SELECT attempts, next_attempt_at::text AS next, last_error FROM outbox_events")
            .get(0);
    assertThat(row).containsEntry("attempts", 3).containsEntry("last_error", "twilio 503");
    assertThat((String) row.get("next")).startsWith("2030-01-01");
    assertThat(columns("outbox_events")).contains("locked_by", "dead_at");
  }

  private List<String> tables() {
    return db
        .query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        .stream()
        .map(r -> (String) r.get("table_name"))
        .toList();
  }

  private List<String> columns(String table) {
    return db
        .query("SELECT column_name FROM information_schema.columns WHERE table_name = ?", table)
        .stream()
        .map(r -> (String) r.get("column_name"))
        .toList();
  }
}
