package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.MailSink;
import com.stonegate.outbox.testing.RestartablePostgres;
import com.stonegate.outbox.testing.Sql;
import com.stonegate.outbox.testing.WorkerFleet;
import com.stonegate.outbox.testing.WorkerProcess;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops for ten seconds and starts again on the same port while two polling workers
 * drain appointment events: they log, back off, reconnect (pool and LISTEN connection) and finish,
 * without a process exiting and without a customer emailed twice.
 */
class DatabaseRestartIT {
  static final int BEFORE = 400;
  static final int AFTER = 100;
  static final Duration OUTAGE = Duration.ofSeconds(10);

  @TempDir Path workDir;
  @TempDir Path dataDirectory;

  private final MailSink mail = MailSink.start();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private RestartablePostgres postgres;
  private HikariDataSource pool;
  private WorkerFleet fleet;

  @BeforeEach
  void startDatabase() {
    postgres = RestartablePostgres.start(dataDirectory);
    pool = Database.pool(postgres.config(), "restart-test", 4);
    Database.migrate(pool);
  }

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    timer.shutdownNow();
    pool.close();
    postgres.close();
    mail.close();
  }

  @Test
  void workers_ride_out_a_ten_second_database_restart_and_lose_nothing() {
    Sql sql = new Sql(pool);
    Customers.insert(sql, 1, BEFORE + AFTER, false);
    Customers.enqueue(sql, "estimate.requested", 1, BEFORE);
    fleet = new WorkerFleet(workDir, env());
    WorkerProcess first = fleet.start();
    WorkerProcess second = fleet.start();
    Await.until(
        await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2)),
        () -> mail.received() >= BEFORE / 4 && listeners(sql) == 2,
        () -> fleet.tails(20));

    postgres.down();
    ScheduledFuture<?> restart =
        timer.schedule(postgres::up, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);
    await().atMost(OUTAGE.plusMinutes(1)).until(restart::isDone);
    Customers.enqueue(sql, "estimate.requested", BEFORE + 1, AFTER);

    Await.drained(sql, Duration.ofMinutes(3), Duration.ofMillis(500), () -> fleet.tails(30));
    await().atMost(Duration.ofMinutes(1)).alias("LISTEN again").until(() -> listeners(sql) == 2);

    assertThat(fleet.unexpectedExits()).as(fleet.tails(40)).isEmpty();
    for (WorkerProcess worker : new WorkerProcess[] {first, second}) {
      assertThat(worker.stdout())
          .as("worker %d logged the outage", worker.pid())
          .contains("not hearing inserts")
          .containsAnyOf(
              "cannot reach the database, retrying in", "could not record", "retry attempt");
    }
    Promises promises = new Promises(sql, mail);
    promises.everyEventFinished();
    promises.noEmailTwiceAndEveryMissingOneUncertain();
  }

  /** Worker sessions listening for inserts right now. */
  private static long listeners(Sql sql) {
    return sql.count(
        "SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = 'outbox-worker:listener' AND query = 'LISTEN outbox_events'");
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", postgres.url());
    env.put("OUTBOX_POLL_INTERVAL_MS", "1000");
    env.put("OUTBOX_BATCH_SIZE", "20");
    env.put("OUTBOX_CONCURRENCY", "4");
    env.put("OUTBOX_RETRY_BASE_MS", "200");
    env.putAll(mail.variables());
    env.put("SEO_AUTOPUBLISH_DISABLED", "1");
    return env;
  }
}
