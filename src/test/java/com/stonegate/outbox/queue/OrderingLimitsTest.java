package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What per-key order does not promise (RELIABILITY.md): it holds within one claimed batch, not
 * across a retry and not across batches or workers. These tests pin the limits down, so the
 * documentation cannot drift from the engine.
 */
class OrderingLimitsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private final MutableClock clock = MutableClock.atSystemTime();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private EngineFixture engine;

  @BeforeEach
  void setUp() {
    engine = new EngineFixture(db);
    enqueueInOrder("first", "second");
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void a_later_event_of_the_same_key_overtakes_one_that_failed_and_waits_for_its_retry()
      throws Exception {
    AtomicBoolean failed = new AtomicBoolean();
    Keyed failingFirstOnce =
        new Keyed(
            name -> {
              if (name.equals("first") && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("transient");
              }
              return true;
            });
    OutboxWorker worker = engine.worker(handlers(failingFirstOnce), config(10), clock);

    worker.runOnce(10);
    clock.advance(Duration.ofMinutes(1));
    worker.runOnce(10);

    assertThat(ran).containsExactly("second", "first");
  }

  @Test
  void events_of_one_key_in_different_batches_may_run_at_the_same_time() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    Handlers handlers =
        handlers(
            new Keyed(
                name -> {
                  bothRunning.countDown();
                  return bothRunning.await(10, TimeUnit.SECONDS);
                }));
    OutboxWorker a = engine.worker(handlers, config(1), clock);
    OutboxWorker b = engine.worker(handlers, config(1), clock);

    // Two threads of their own: the claiming thread runs handlers too, so on a shared pool with
    // one thread (the common pool on 2 cores, JDK 25) the second claim would wait for the first.
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<BatchSummary> first = callers.submit(() -> once(a));
      Future<BatchSummary> second = callers.submit(() -> once(b));

      assertThat(first.get().processed() + second.get().processed()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
    assertThat(ran).as("each saw the other running").hasSize(2).doesNotContain("alone");
  }

  /** A handler keyed by {@code payload.key} that records each event's name when it succeeds. */
  private final class Keyed implements EventHandler {
    private final Step step;

    Keyed(Step step) {
      this.step = step;
    }

    @Override
    public Handled handle(OutboxEvent event) throws Exception {
      String name = event.payload().get("name").asText();
      boolean together = step.run(name);
      ran.add(together ? name : "alone");
      return Handled.processed();
    }

    @Override
    public String orderingKey(OutboxEvent event) {
      return event.payload().get("key").asText();
    }
  }

  private interface Step {
    /** Returns false to mark the run as "alone". */
    boolean run(String name) throws Exception;
  }

  private void enqueueInOrder(String... names) {
    for (int i = 0; i < names.length; i++) {
      db.update(
          "INSERT INTO outbox_events (type, payload, created_at) VALUES ('test.keyed',"
              + " jsonb_build_object('key', 'appointment:1', 'name', ?::text), now() + ? * interval '1 ms')",
          names[i],
          i);
    }
  }

  private static BatchSummary once(OutboxWorker worker) {
    try {
      return worker.runOnce(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static com.stonegate.outbox.config.WorkerConfig config(int batch) {
    return EngineFixture.config(batch, 3, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  private static Handlers handlers(EventHandler handler) {
    return Handlers.builder().add("test.keyed", handler).build();
  }
}
