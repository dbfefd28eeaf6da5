package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.MailSink;
import com.stonegate.outbox.testing.Sql;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerFleet;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes drain appointment events whose confirmations go to a real SMTP server; one
 * is killed with SIGKILL in the middle of a batch and a fresh one is started.
 */
class CrashIT {
  static final int EVENTS = Scale.of(1000, 3000);

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final MailSink mail = MailSink.start();
  private WorkerFleet fleet;

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    mail.close();
  }

  @Test
  void a_worker_killed_while_sending_loses_no_event_and_emails_nobody_twice() {
    Sql sql = db.sql();
    Customers.insert(sql, 1, EVENTS, false);
    Customers.enqueue(sql, "estimate.requested", 1, EVENTS);
    fleet = new WorkerFleet(workDir, env(db, mail));
    WorkerProcess victim = fleet.start();
    fleet.start();
    fleet.start();

    Await.until(
        await()
            .dontCatchUncaughtExceptions() // GreenMail's threads see the killed worker's reset
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(20)),
        () -> mail.received() >= EVENTS / 10 && sendingBy(victim) > 0,
        () -> fleet.tails(20));
    fleet.kill(victim);
    fleet.start();

    Await.drained(sql, Duration.ofMinutes(5), Duration.ofMillis(500), () -> fleet.tails(20));

    assertThat(fleet.unexpectedExits()).as(fleet.tails(40)).isEmpty();
    assertThat(sql.count("SELECT count(*) FROM outbox_events WHERE attempts > 1"))
        .as("the killed worker's events were taken over")
        .isPositive();
    Promises promises = new Promises(sql, mail);
    promises.everyEventFinished();
    promises.noEmailTwiceAndEveryMissingOneUncertain();
  }

  /** Emails the worker is sending right now: it asked the server and awaits the answer. */
  private long sendingBy(WorkerProcess worker) {
    return db.count(
        "SELECT count(*) FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id"
            + " WHERE d.state = 'sending' AND e.locked_by LIKE ?",
        "%:" + worker.pid() + ":%");
  }

  /** Polling workers on {@code db} that email through {@code mail}; leases short enough to test. */
  static Map<String, String> env(TestDatabase db, MailSink mail) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.url());
    env.put("OUTBOX_POLL_INTERVAL_MS", "500");
    env.put("OUTBOX_BATCH_SIZE", "20");
    env.put("OUTBOX_CONCURRENCY", "4");
    env.put("OUTBOX_LEASE_MS", "10000");
    env.putAll(mail.variables());
    env.put("SMTP_TIMEOUT_MS", "5000");
    env.put("SEO_AUTOPUBLISH_DISABLED", "1");
    return env;
  }
}
