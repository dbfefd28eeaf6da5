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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak, only under {@code -Pchaos}: steady inserts for {@code -Dchaos.minutes} (30) while three
 * workers are killed (SIGKILL) or stopped (SIGTERM) at random and replaced; then the same closing
 * checks as the crash test.
 */
class SoakChaosIT {
  static final Duration DURATION = Duration.ofMinutes(Long.getLong("chaos.minutes", 30));
  static final int WORKERS = 3;

  /** New appointment events per second. */
  static final int RATE = 5;

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final MailSink mail = MailSink.start();
  private final ScheduledExecutorService chaos = Executors.newScheduledThreadPool(2);
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();
  private final AtomicInteger customers = new AtomicInteger();
  private final AtomicInteger kills = new AtomicInteger();
  private final AtomicInteger stops = new AtomicInteger();
  private final Random random = new Random();
  private WorkerFleet fleet;

  @AfterEach
  void stop() {
    chaos.shutdownNow();
    if (fleet != null) {
      fleet.close();
    }
    mail.close();
  }

  @Test
  void random_kills_and_restarts_under_steady_inserts_lose_nothing_and_email_nobody_twice() {
    Sql sql = db.sql();
    fleet = new WorkerFleet(workDir, env());
    for (int i = 0; i < WORKERS; i++) {
      fleet.start();
    }
    Instant end = Instant.now().plus(DURATION);
    chaos.scheduleAtFixedRate(() -> guard("insert", () -> insert(sql)), 0, 1, TimeUnit.SECONDS);
    chaos.schedule(() -> guard("chaos", this::strike), nextStrike(), TimeUnit.MILLISECONDS);

    await()
        .dontCatchUncaughtExceptions()
        .atMost(DURATION.plusMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> healthy() && !Instant.now().isBefore(end));
    chaos.shutdownNow();
    Await.drained(sql, Duration.ofMinutes(5), Duration.ofSeconds(1), () -> fleet.tails(20));

    assertThat(problems).as(fleet.tails(20)).isEmpty();
    assertThat(fleet.unexpectedExits()).as(fleet.tails(40)).isEmpty();
    Promises promises = new Promises(sql, mail);
    promises.everyEventFinished();
    promises.noEmailTwiceAndEveryMissingOneUncertain();
    System.out.printf(
        "soak: %s, %d customers, %d SIGKILLs, %d SIGTERMs%n",
        DURATION, customers.get(), kills.get(), stops.get());
  }

  private void insert(Sql sql) {
    int first = customers.getAndAdd(RATE) + 1;
    Customers.insert(sql, first, RATE, false);
    Customers.enqueue(sql, "estimate.requested", first, RATE);
  }

  /** Kills or stops a random worker, starts its replacement, and schedules the next strike. */
  private void strike() throws InterruptedException {
    List<WorkerProcess> running = fleet.running();
    WorkerProcess victim = running.get(random.nextInt(running.size()));
    if (random.nextInt(10) < 7) {
      fleet.kill(victim);
      kills.incrementAndGet();
    } else {
      int code = fleet.terminate(victim, Duration.ofSeconds(60));
      stops.incrementAndGet();
      if (code != 0) {
        problems.add("SIGTERM exit " + code + " of worker " + victim.pid());
      }
    }
    fleet.start();
    chaos.schedule(() -> guard("chaos", this::strike), nextStrike(), TimeUnit.MILLISECONDS);
  }

  /** 5 to 40 seconds. */
  private long nextStrike() {
    return 5_000 + random.nextInt(35_000);
  }

  private boolean healthy() {
    assertThat(problems).as(fleet.tails(20)).isEmpty();
    assertThat(fleet.unexpectedExits()).as(fleet.tails(40)).isEmpty();
    return true;
  }

  private void guard(String what, Step step) {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      problems.add(what + ": " + e);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(CrashIT.env(db, mail));
    env.put("OUTBOX_LOG_LEVEL", "warn");
    return env;
  }
}
