package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.MailSink;
import com.stonegate.outbox.testing.Sql;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 events of known types with fuzzed payloads mixed with 1,000 good ones (whose optional
 * fields are fuzzed too), drained by one worker process with SMS and email on: every good one is
 * processed, every bad one skipped or dead with a reason, and the worker neither crashes nor
 * stalls.
 */
class PoisonEventsIT {
  static final int EACH = Scale.of(1000, 1000);

  /** Fixed in the default build (reproducible); new each run under -Pchaos; -Dreliability.seed. */
  static final long SEED =
      Long.getLong("reliability.seed", Scale.FULL ? System.nanoTime() : 20261204L);

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final MailSink mail = MailSink.start();
  private final Twilio twilio = new Twilio();
  private final List<UUID> good = new ArrayList<>();
  private final List<UUID> bad = new ArrayList<>();
  private WorkerProcess worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    twilio.close();
    mail.close();
  }

  @Test
  void poison_events_are_skipped_or_dead_with_a_reason_and_every_good_one_completes()
      throws Exception {
    Sql sql = db.sql();
    Customers.insert(sql, 1, EACH, true);
    insertMixed(sql, new PoisonPayloads(new Fuzz(SEED)));
    worker = WorkerProcess.start(workDir, env(), "run");

    awaitDrained(sql);
    UUID late = UUID.randomUUID();
    sql.update(
        "INSERT INTO outbox_events (id, type, payload) VALUES (?, 'bench.noop', '{}')", late);
    awaitDrained(sql);

    assertThat(worker.alive()).as(worker.output()).isTrue();
    assertThat(outcomes(good)).as("good events (seed %d)", SEED).containsOnlyKeys("processed");
    assertThat(outcomes(List.of(late)))
        .as("the event inserted afterwards")
        .containsOnlyKeys("processed");
    assertThat(outcomes(bad)).as("bad events (seed %d)", SEED).doesNotContainKey("processed");
    assertThat(
            sql.count(
                "SELECT count(*) FROM outbox_events WHERE id = ANY(?) AND"
                    + " (skip_reason IS NULL OR skip_reason = '')"
                    + " AND (dead_at IS NULL OR coalesce(last_error, '') = '')",
                (Object) bad.toArray(UUID[]::new)))
        .as("bad events without a reason")
        .isZero();
    assertThat(mail.received()).as("one email per good event").isEqualTo(EACH);
    System.out.printf("poison (seed %d): bad events by outcome %s%n", SEED, outcomes(bad));
  }

  /** Good and bad events alternate, as the API might write them; payloads are jsonb text. */
  private void insertMixed(Sql sql, PoisonPayloads payloads) throws Exception {
    List<Map<String, Object>> rows =
        sql.query(
            "SELECT a.id AS \"appointmentId\", l.id AS \"leadId\", q.id AS \"quoteId\""
                + " FROM contacts c JOIN appointments a ON a.contact_id = c.id"
                + " JOIN leads l ON l.id = a.lead_id JOIN quotes q ON q.contact_id = c.id"
                + " ORDER BY c.last_name::int");
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO outbox_events (id, type, payload) VALUES (?, ?, ?::jsonb)")) {
      for (int i = 0; i < EACH; i++) {
        String type = PoisonPayloads.TYPES.get(i % PoisonPayloads.TYPES.size());
        Map<String, UUID> row = ids(rows.get(i));
        add(insert, good, type, payloads.good(type, row));
        add(insert, bad, type, payloads.bad(type, row));
        if (i % 100 == 99) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void add(PreparedStatement insert, List<UUID> ids, String type, String payload)
      throws Exception {
    UUID id = UUID.randomUUID();
    ids.add(id);
    insert.setObject(1, id);
    insert.setString(2, type);
    insert.setString(3, payload);
    insert.addBatch();
  }

  private static Map<String, UUID> ids(Map<String, Object> row) {
    Map<String, UUID> ids = new HashMap<>();
    row.forEach((k, v) -> ids.put(k, (UUID) v));
    return ids;
  }

  /** Outcome counts of these events: processed, skipped: reason, dead. */
  private Map<String, Long> outcomes(List<UUID> ids) {
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, Object> r :
        db.query(
            "SELECT CASE WHEN dead_at IS NOT NULL THEN 'dead'"
                + " WHEN skip_reason IS NOT NULL THEN 'skipped: ' || skip_reason"
                + " WHEN processed_at IS NOT NULL THEN 'processed' ELSE 'pending' END AS outcome,"
                + " count(*) AS n FROM outbox_events WHERE id = ANY(?) GROUP BY 1",
            (Object) ids.toArray(UUID[]::new))) {
      counts.put((String) r.get("outcome"), ((Number) r.get("n")).longValue());
    }
    return counts;
  }

  private void awaitDrained(Sql sql) {
    Await.drained(sql, Duration.ofMinutes(4), Duration.ofMillis(500), () -> worker.output());
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(twilio.variables());
    env.put("DATABASE_URL", db.url());
    env.put("OUTBOX_POLL_INTERVAL_MS", "200");
    env.put("OUTBOX_BATCH_SIZE", "50");
    env.put("OUTBOX_CONCURRENCY", "8");
    env.put("OUTBOX_MAX_ATTEMPTS", "3");
    env.put("OUTBOX_RETRY_BASE_MS", "100");
    env.putAll(mail.variables());
    env.put("SEO_AUTOPUBLISH_DISABLED", "1");
    env.put("OUTBOX_LOG_LEVEL", "warn");
    return env;
  }
}
