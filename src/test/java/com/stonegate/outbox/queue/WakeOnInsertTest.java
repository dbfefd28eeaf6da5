package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.db.InsertListener;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An idle worker polling once an hour: only a notification can make it claim. */
class WakeOnInsertTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private EngineFixture engine;
  private OutboxWorker worker;
  private InsertListener listener;

  @BeforeEach
  void startIdleWorker() {
    engine = new EngineFixture(db);
    WorkerConfig hourly =
        new WorkerConfig(
            1000,
            Duration.ofHours(1),
            10,
            3,
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            false,
            Duration.ofHours(1),
            Duration.ofSeconds(5));
    worker =
        engine.worker(
            Handlers.builder().add("test.ok", e -> Handled.processed()).build(),
            hourly,
            Clock.systemUTC());
    new Thread(worker::run, "test-poll-loop").start();
    listener = InsertListener.start(db.config(), worker::wake);
    await().until(listener::listening);
  }

  @AfterEach
  void stop() throws InterruptedException {
    listener.close();
    worker.stop();
    worker.awaitStopped(Duration.ofSeconds(5));
    engine.close();
  }

  @Test
  void idle_worker_claims_an_inserted_event_at_once() {
    UUID id = engine.enqueue("test.ok", "{}");

    await().atMost(Duration.ofSeconds(5)).until(() -> engine.row(id).get("processed_at") != null);
  }

  @Test
  void a_burst_of_inserts_in_one_transaction_is_claimed_in_one_round() {
    db.update(
        "DO $$ BEGIN FOR i IN 1..500 LOOP"
            + " INSERT INTO outbox_events (type, payload) VALUES ('test.ok', '{}');"
            + " END LOOP; END $$");

    await()
        .untilAsserted(
            () -> assertThat(engine.summaries).containsExactly(new BatchSummary(500, 500, 0, 0)));
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL")).isZero();
  }

  @Test
  void listener_hears_inserts_again_after_its_connection_is_cut() {
    String pid =
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'outbox-worker:listener'"
            + " AND datname = current_database()";
    int before = db.value(pid);

    db.update("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ?", before);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                listener.listening()
                    && db.count("SELECT count(*) FROM (" + pid + ") p WHERE pid <> " + before)
                        == 1);
    UUID id = engine.enqueue("test.ok", "{}");
    await().atMost(Duration.ofSeconds(5)).until(() -> engine.row(id).get("processed_at") != null);
  }
}
