package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT as systemd or pm2 send them. A slow handler is a real one waiting on its
 * provider: each {@code pipeline.auto_stage_change} posts a webhook to a receiver that holds the
 * request until the test opens the gate, so the test knows a handler is running (its request
 * arrived) instead of guessing from timing.
 */
class ShutdownIT {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final CountDownLatch gate = new CountDownLatch(1);
  private final HttpStandIn receiver = HttpStandIn.start(this::heldUntilTheGateOpens);

  @AfterEach
  void openTheGateAndStop() {
    gate.countDown();
    receiver.close();
  }

  @Test
  void sigterm_lets_the_running_handler_finish_gives_back_the_unstarted_events_and_exits_0()
      throws Exception {
    insertSlowEvents(4);
    try (WorkerProcess worker = WorkerProcess.start(workDir, env(), "run")) {
      awaitRunningHandler(worker);
      worker.terminate();
      Await.until(await(), () -> worker.stdout().contains("stopping"), worker::output);
      gate.countDown();

      assertThat(worker.waitFor(Duration.ofSeconds(15))).as(worker.output()).isZero();
    }
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM outbox_deliveries WHERE state = 'sent'")).isOne();
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE locked_by IS NOT NULL"))
        .as("leases left")
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM outbox_events WHERE processed_at IS NULL AND attempts = 0"))
        .as("unstarted events given back with their attempt")
        .isEqualTo(3);
  }

  @Test
  void second_sigterm_exits_at_once_and_the_lease_expires_to_a_worker_that_does_not_resend()
      throws Exception {
    insertSlowEvents(1);
    Map<String, String> env = env();
    env.put("OUTBOX_LEASE_MS", "2000");
    try (WorkerProcess worker = WorkerProcess.start(workDir, env, "run")) {
      awaitRunningHandler(worker);
      worker.terminate();
      Await.until(await(), () -> worker.stdout().contains("stopping"), worker::output);
      worker.terminate();

      assertThat(worker.waitFor(Duration.ofSeconds(5))).isEqualTo(RunCommand.INTERRUPTED);
    }
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE locked_by IS NOT NULL"))
        .as("the lease is left to expire")
        .isOne();

    gate.countDown();
    try (WorkerProcess next = WorkerProcess.start(workDir, env, "run")) {
      Await.drained(await().atMost(Duration.ofSeconds(60)), db.sql(), next::output);
    }
    assertThat(receiver.requests()).as("the webhook is not posted again").hasSize(1);
    assertThat(db.<String>value("SELECT state FROM outbox_deliveries")).isEqualTo("uncertain");
  }

  @Test
  void sigterm_past_the_grace_period_gives_back_the_lease_and_exits_0() throws Exception {
    insertSlowEvents(1);
    Map<String, String> env = env();
    env.put("OUTBOX_SHUTDOWN_GRACE_MS", "1000");
    try (WorkerProcess worker = WorkerProcess.start(workDir, env, "run")) {
      awaitRunningHandler(worker);
      worker.terminate();

      assertThat(worker.waitFor(Duration.ofSeconds(15))).as(worker.output()).isZero();
      assertThat(worker.stdout()).contains("grace period over");
    }
    assertThat(
            db.count(
                "SELECT count(*) FROM outbox_events"
                    + " WHERE locked_by IS NULL AND processed_at IS NULL AND attempts = 0"))
        .as("due again at once, its attempt given back")
        .isOne();
  }

  @Test
  void sigterm_while_waiting_for_the_database_exits_0_without_waiting_out_the_grace_period()
      throws Exception {
    Map<String, String> env = env();
    env.put("OUTBOX_SHUTDOWN_GRACE_MS", "60000");
    assertSigtermWhileWaitingForTheDatabaseExits0(env, "run");
  }

  @Test
  void serve_stops_at_sigterm_while_waiting_for_the_database() throws Exception {
    assertSigtermWhileWaitingForTheDatabaseExits0(env(), "serve");
  }

  /** Starts {@code command} against a port nobody listens on, then SIGTERM: exit 0 within 15 s. */
  private void assertSigtermWhileWaitingForTheDatabaseExits0(
      Map<String, String> env, String command) throws Exception {
    env.put("DATABASE_URL", "postgres://postgres@127.0.0.1:1/stonegate");
    try (WorkerProcess worker = WorkerProcess.start(workDir, env, command)) {
      Await.until(
          await().atMost(Duration.ofSeconds(60)),
          () -> worker.stdout().contains("waiting for the database"),
          worker::output);
      worker.terminate();

      assertThat(worker.waitFor(Duration.ofSeconds(15))).as(worker.output()).isZero();
    }
  }

  /** Events whose handler posts a webhook to the gated receiver; the first is the oldest. */
  private void insertSlowEvents(int n) {
    db.update(
        "INSERT INTO outbox_events (type, payload, created_at)"
            + " SELECT 'pipeline.auto_stage_change', '{}', now() - g * interval '1 minute'"
            + " FROM generate_series(1, ?) g",
        n);
  }

  private void awaitRunningHandler(WorkerProcess worker) {
    Await.until(
        await().atMost(Duration.ofSeconds(60)),
        () -> receiver.requests().size() == 1,
        worker::output);
  }

  private Reply heldUntilTheGateOpens(HttpStandIn.Request request) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Reply(204, "");
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.url());
    env.put("OUTBOX_POLL_INTERVAL_MS", "200");
    env.put("OUTBOX_CONCURRENCY", "1");
    env.put("OUTBOX_WEBHOOK_URLS", "pipeline.*=" + receiver.baseUrl() + "/hook");
    env.put("OUTBOX_WEBHOOK_TIMEOUT_MS", "120000");
    return env;
  }
}
