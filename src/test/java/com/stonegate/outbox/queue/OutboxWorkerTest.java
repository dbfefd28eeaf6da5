package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxWorkerTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private EngineFixture engine;
  private final MutableClock clock = MutableClock.atSystemTime();

  @BeforeEach
  void setUp() {
    engine = new EngineFixture(db);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void processed_event_is_finished_and_reported() throws Exception {
    UUID id = engine.enqueue("test.ok", "{}");
    OutboxWorker worker =
        engine.worker(handlers("test.ok", e -> Handled.processed()), config(10, 3), clock);

    BatchSummary summary = worker.runOnce(10);

    assertThat(summary).isEqualTo(new BatchSummary(1, 1, 0, 0));
    assertThat(summary.toJson())
        .isEqualTo("{\"ok\":true,\"total\":1,\"processed\":1,\"skipped\":0,\"errors\":0}");
    Map<String, Object> row = engine.row(id);
    assertThat(row.get("processed_at")).isNotNull();
    assertThat(row.get("locked_by")).isNull();
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat(worker.runOnce(10)).isEqualTo(BatchSummary.EMPTY);
  }

  @Test
  void unknown_type_is_skipped_with_its_reason() throws Exception {
    UUID id = engine.enqueue("no.such.type", "{}");
    OutboxWorker worker = engine.worker(Handlers.builder().build(), config(10, 3), clock);

    assertThat(worker.runOnce(10)).isEqualTo(new BatchSummary(1, 0, 1, 0));

    Map<String, Object> row = engine.row(id);
    assertThat(row.get("processed_at")).isNotNull();
    assertThat(row.get("skip_reason")).isEqualTo("unknown_type");
    assertThat(row.get("dead_at")).isNull();
  }

  @Test
  void skip_keeps_the_handlers_reason() throws Exception {
    UUID id = engine.enqueue("test.skip", "{}");
    OutboxWorker worker =
        engine.worker(
            handlers("test.skip", e -> Handled.skipped("appointment_not_found")),
            config(10, 3),
            clock);

    worker.runOnce(10);

    assertThat(engine.row(id).get("skip_reason")).isEqualTo("appointment_not_found");
  }

  @Test
  void payload_too_deep_to_read_is_skipped_not_retried() throws Exception {
    String deep = "[".repeat(1500) + "]".repeat(1500);
    UUID id = engine.enqueue("test.ok", deep);
    AtomicInteger calls = new AtomicInteger();
    OutboxWorker worker =
        engine.worker(
            handlers(
                "test.ok",
                e -> {
                  calls.incrementAndGet();
                  return Handled.processed();
                }),
            config(10, 3),
            clock);

    assertThat(worker.runOnce(10)).isEqualTo(new BatchSummary(1, 0, 1, 0));
    assertThat(engine.row(id).get("skip_reason")).isEqualTo("unreadable_payload");
    assertThat(calls).hasValue(0);
  }

  @Test
  void failed_event_is_retried_with_backoff_then_dead_after_the_last_attempt() throws Exception {
    UUID id = engine.enqueue("test.fail", "{}");
    OutboxWorker worker =
        engine.worker(
            handlers(
                "test.fail",
                e -> {
                  throw new IllegalStateException("smtp down");
                }),
            config(10, 3),
            clock);

    assertThat(worker.runOnce(10)).isEqualTo(new BatchSummary(1, 0, 0, 1));
    Instant first = nextAttempt(id);
    assertThat(first).isBetween(clock.instant().plusSeconds(5), clock.instant().plusSeconds(10));
    assertThat(engine.row(id).get("processed_at")).isNull();
    assertThat((String) engine.row(id).get("last_error")).contains("smtp down");

    assertThat(worker.runOnce(10).total()).as("not due before its time").isZero();

    clock.set(first);
    assertThat(worker.runOnce(10).errors()).isEqualTo(1);
    Instant second = nextAttempt(id);
    assertThat(second).isBetween(clock.instant().plusSeconds(10), clock.instant().plusSeconds(20));

    clock.set(second);
    assertThat(worker.runOnce(10).errors()).isEqualTo(1);
    Map<String, Object> row = engine.row(id);
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(row.get("dead_at")).isNotNull();
    assertThat(row.get("processed_at")).isNotNull();
    assertThat(row.get("next_attempt_at")).isNull();

    clock.advance(Duration.ofDays(1));
    assertThat(worker.runOnce(10).total()).as("dead is never retried").isZero();
  }

  @Test
  void permanent_failure_goes_straight_to_dead() throws Exception {
    UUID id = engine.enqueue("test.bad", "{}");
    OutboxWorker worker =
        engine.worker(
            handlers(
                "test.bad",
                e -> {
                  throw new PermanentFailure("invalid phone number");
                }),
            config(10, 8),
            clock);

    assertThat(worker.runOnce(10).errors()).isEqualTo(1);

    Map<String, Object> row = engine.row(id);
    assertThat(row.get("dead_at")).isNotNull();
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat((String) row.get("last_error")).contains("invalid phone number");
  }

  @Test
  void retry_later_is_tried_again_at_the_time_it_names() throws Exception {
    UUID id = engine.enqueue("test.limited", "{}");
    Instant at =
        clock
            .instant()
            .plus(Duration.ofMinutes(7))
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    OutboxWorker worker =
        engine.worker(
            handlers(
                "test.limited",
                e -> {
                  throw new RetryLater("429", at);
                }),
            config(10, 8),
            clock);

    worker.runOnce(10);

    assertThat(nextAttempt(id)).isEqualTo(at);
  }

  @Test
  void expired_lease_is_taken_over() throws Exception {
    UUID id = engine.enqueue("test.ok", "{}");
    Duration lease = Duration.ofMinutes(5);
    // A worker claims the event and dies before recording anything.
    engine.store.claimDue("crashed-worker#1", 10, clock.instant(), clock.instant().plus(lease));
    OutboxWorker survivor =
        engine.worker(handlers("test.ok", e -> Handled.processed()), config(10, 8), clock);

    assertThat(survivor.runOnce(10).total()).as("lease still live").isZero();

    clock.advance(lease.plusSeconds(1));
    assertThat(survivor.runOnce(10)).isEqualTo(new BatchSummary(1, 1, 0, 0));
    assertThat(engine.row(id).get("attempts")).isEqualTo(2);
  }

  @Test
  void worker_that_lost_its_lease_cannot_overwrite_the_new_owners_outcome() throws Exception {
    UUID first = engine.enqueue("test.ok", "{}");
    UUID second = engine.enqueue("test.ok", "{}");
    Duration lease = Duration.ofMinutes(5);
    List<OutboxEvent> stale =
        engine.store.claimDue("slow-worker#1", 10, clock.instant(), clock.instant().plus(lease));
    clock.advance(lease.plusSeconds(1));
    OutboxWorker other =
        engine.worker(
            handlers("test.ok", e -> Handled.skipped("done_by_other")), config(10, 8), clock);
    other.runOnce(10);

    // Processed outcomes and the others are recorded by different statements: both check the lease.
    List<Outcome> late =
        List.of(
            new Outcome(stale.get(0), Outcome.Status.PROCESSED, null, null, Duration.ZERO),
            new Outcome(stale.get(1), Outcome.Status.DEAD, "late", null, Duration.ZERO));
    int recorded = engine.store.finish("slow-worker#1", late, clock.instant());

    assertThat(recorded).isZero();
    for (UUID id : List.of(first, second)) {
      assertThat(engine.row(id).get("skip_reason")).isEqualTo("done_by_other");
      assertThat(engine.row(id).get("dead_at")).isNull();
    }
  }

  @Test
  void one_batch_records_each_kind_of_outcome_on_its_own_event() throws Exception {
    UUID ok = engine.enqueue("test.ok", "{}");
    UUID skip = engine.enqueue("test.skip", "{}");
    UUID fail = engine.enqueue("test.fail", "{}");
    UUID bad = engine.enqueue("test.bad", "{}");
    Handlers handlers =
        Handlers.builder()
            .add("test.ok", e -> Handled.processed())
            .add("test.skip", e -> Handled.skipped("not_needed"))
            .add(
                "test.fail",
                e -> {
                  throw new IllegalStateException("provider down");
                })
            .add(
                "test.bad",
                e -> {
                  throw new PermanentFailure("invalid phone number");
                })
            .build();
    OutboxWorker worker = engine.worker(handlers, config(10, 3), clock);

    assertThat(worker.runOnce(10)).isEqualTo(new BatchSummary(4, 1, 1, 2));

    assertThat(engine.row(ok).get("processed_at")).isNotNull();
    assertThat(engine.row(ok).get("skip_reason")).isNull();
    assertThat(engine.row(skip).get("processed_at")).isNotNull();
    assertThat(engine.row(skip).get("skip_reason")).isEqualTo("not_needed");
    assertThat(engine.row(fail).get("processed_at")).isNull();
    assertThat(nextAttempt(fail)).isAfter(clock.instant());
    assertThat((String) engine.row(fail).get("last_error")).contains("provider down");
    assertThat(engine.row(bad).get("dead_at")).isNotNull();
    for (UUID id : List.of(ok, skip, fail, bad)) {
      assertThat(engine.row(id).get("locked_by")).as("lease let go").isNull();
    }
  }

  @Test
  void lease_of_a_slow_but_live_handler_is_renewed() throws Exception {
    UUID id = engine.enqueue("test.slow", "{}");
    CountDownLatch release = new CountDownLatch(1);
    OutboxWorker worker =
        engine.worker(
            handlers(
                "test.slow",
                e -> {
                  release.await(30, TimeUnit.SECONDS);
                  return Handled.processed();
                }),
            EngineFixture.config(10, 3, Duration.ofSeconds(5), Duration.ofMillis(1500)),
            Clock.systemUTC());
    Thread batch =
        new Thread(
            () -> {
              try {
                worker.runOnce(10);
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    batch.start();
    await().until(() -> engine.row(id).get("locked_until") != null);
    Timestamp firstLease = (Timestamp) engine.row(id).get("locked_until");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ((Timestamp) engine.row(id).get("locked_until")).after(firstLease));

    release.countDown();
    batch.join();
    assertThat(engine.row(id).get("processed_at")).isNotNull();
    assertThat(engine.row(id).get("attempts")).isEqualTo(1);
  }

  @Test
  void each_event_is_handled_exactly_once_by_four_concurrent_workers() throws Exception {
    engine.enqueueMany("test.count", 2000);
    Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
    Handlers counting =
        handlers(
            "test.count",
            e -> {
              handled.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
              return Handled.processed();
            });
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      OutboxWorker worker = engine.worker(counting, config(25, 3), Clock.systemUTC());
      workers.add(new Thread(() -> drain(worker)));
    }
    workers.forEach(Thread::start);
    for (Thread t : workers) {
      t.join();
    }

    assertThat(handled).hasSize(2000);
    assertThat(handled.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL")).isZero();
    assertThat(engine.summaries).isEmpty(); // runOnce reports nothing; the poll loop does
  }

  @Test
  void events_sharing_an_ordering_key_run_in_queue_order_while_others_run_alongside()
      throws Exception {
    int keys = 4;
    int perKey = 10;
    for (int i = 0; i < keys * perKey; i++) {
      db.update(
          "INSERT INTO outbox_events (type, payload, created_at) VALUES ('test.keyed', jsonb_build_object('key', ?::text, 'seq', ?::int), now() + ? * interval '1 ms')",
          "k" + (i % keys),
          i / keys,
          i);
    }
    Map<String, List<Integer>> order = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch firstOfEachKey = new CountDownLatch(keys);
    EventHandler keyed =
        new EventHandler() {
          @Override
          public Handled handle(OutboxEvent e) throws Exception {
            String key = e.payload().get("key").asText();
            if (active.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
              overlaps.incrementAndGet();
            }
            firstOfEachKey.countDown();
            // Only possible if all keys' first events run at the same time.
            boolean together = firstOfEachKey.await(10, TimeUnit.SECONDS);
            order
                .computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(together ? e.payload().get("seq").asInt() : -1);
            active.get(key).decrementAndGet();
            return Handled.processed();
          }

          @Override
          public String orderingKey(OutboxEvent e) {
            return e.payload().get("key").asText();
          }
        };
    OutboxWorker worker =
        engine.worker(handlers("test.keyed", keyed), config(keys * perKey, 3), clock);

    assertThat(worker.runOnce(keys * perKey).processed()).isEqualTo(keys * perKey);

    assertThat(overlaps).hasValue(0);
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < perKey; i++) {
      inOrder.add(i);
    }
    assertThat(order).hasSize(keys).allSatisfy((key, seqs) -> assertThat(seqs).isEqualTo(inOrder));
  }

  @Test
  void a_batch_runs_as_many_events_at_once_as_its_concurrency_and_no_more() throws Exception {
    engine.enqueueMany("test.slow", 10);
    AtOnce atOnce = new AtOnce();
    CountDownLatch release = new CountDownLatch(1);
    Handlers slow =
        handlers(
            "test.slow",
            e -> {
              atOnce.start();
              try {
                release.await();
              } finally {
                atOnce.end();
              }
              return Handled.processed();
            });
    int threeAtOnce = 3;
    OutboxWorker worker =
        engine.worker(
            slow,
            EngineFixture.config(10, threeAtOnce, 3, Duration.ofSeconds(10), Duration.ofMinutes(5)),
            clock);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<BatchSummary> batch = caller.submit(() -> worker.runOnce(10));

      await().until(() -> atOnce.running.get() >= threeAtOnce);
      release.countDown();

      assertThat(batch.get(10, TimeUnit.SECONDS).processed()).isEqualTo(10);
    } finally {
      caller.shutdownNow();
    }
    assertThat(atOnce.most).hasValue(threeAtOnce);
  }

  @Test
  void a_handler_that_was_quick_and_turns_slow_runs_side_by_side_again() throws Exception {
    AtomicBoolean slow = new AtomicBoolean(false);
    AtomicBoolean firstSlow = new AtomicBoolean(true);
    AtOnce atOnce = new AtOnce();
    CountDownLatch twoAtOnce = new CountDownLatch(1);
    Handlers turning =
        handlers(
            "test.turning",
            e -> {
              if (!slow.get()) {
                return Handled.processed(); // quick: the engine stops waking threads for it
              }
              if (firstSlow.compareAndSet(true, false)) {
                Thread.sleep(5); // a provider that slowed down, on the claiming thread alone
                return Handled.processed();
              }
              if (atOnce.start() >= 2) {
                twoAtOnce.countDown();
              }
              try {
                twoAtOnce.await(5, TimeUnit.SECONDS);
              } finally {
                atOnce.end();
              }
              return Handled.processed();
            });
    OutboxWorker worker = engine.worker(turning, config(10, 3), clock);
    engine.enqueueMany("test.turning", 10);
    assertThat(worker.runOnce(10).processed()).isEqualTo(10);

    slow.set(true);
    engine.enqueueMany("test.turning", 10);
    assertThat(worker.runOnce(10).processed()).isEqualTo(10);

    assertThat(atOnce.most.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void polling_worker_survives_lost_connections_and_keeps_draining() throws Exception {
    OutboxWorker worker =
        engine.worker(
            handlers("test.ok", e -> Handled.processed()), config(10, 3), Clock.systemUTC());
    Thread loop = new Thread(worker::run);
    loop.start();
    engine.enqueueMany("test.ok", 5);
    await()
        .until(
            () -> db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL") == 0);

    engine.cutConnections();
    engine.enqueueMany("test.ok", 5);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL") == 0);
    assertThat(loop.isAlive()).isTrue();
    worker.stop();
    assertThat(worker.awaitStopped(Duration.ofSeconds(5))).isTrue();
    assertThat(engine.summaries.stream().mapToInt(BatchSummary::processed).sum()).isEqualTo(10);
  }

  @Test
  void a_polling_worker_runs_at_most_two_batches_ahead_of_recording_them() throws Exception {
    // Until the test lets go, its own transaction locks each event's row while the handler runs,
    // so the worker's outcome statement for it waits: recording is held back.
    try (Connection holder = db.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      AtomicBoolean holding = new AtomicBoolean(true);
      List<UUID> handled = new CopyOnWriteArrayList<>();
      EventHandler lockOwnRow =
          e -> {
            if (holding.get()) {
              try (PreparedStatement lock =
                  holder.prepareStatement("SELECT 1 FROM outbox_events WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, e.id());
                lock.executeQuery().close();
              }
            }
            handled.add(e.id());
            return Handled.processed();
          };
      OutboxWorker worker =
          engine.worker(handlers("test.held", lockOwnRow), config(1, 3), Clock.systemUTC());
      engine.enqueueMany("test.held", 5);
      Thread loop = new Thread(worker::run);
      loop.start();

      // Batches of one: two wait to be recorded, the third ran and waits for a recorder.
      await("three batches run while recording is held back").until(() -> handled.size() >= 3);
      await("no fourth batch before a recorder is free")
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> handled.size() == 3);
      assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NOT NULL"))
          .isZero();

      holding.set(false);
      holder.rollback();
      await()
          .until(
              () -> db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL") == 0);
      worker.stop();
      assertThat(worker.awaitStopped(Duration.ofSeconds(5))).isTrue();
      assertThat(handled).hasSize(5).doesNotHaveDuplicates();
      assertThat(engine.summaries.stream().mapToInt(BatchSummary::processed).sum()).isEqualTo(5);
    }
  }

  /** Handlers running at this moment, and the most that ever ran at once. */
  private static final class AtOnce {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    /** A handler starts; returns how many run now, itself included. */
    int start() {
      int now = running.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      return now;
    }

    void end() {
      running.decrementAndGet();
    }
  }

  private Instant nextAttempt(UUID id) {
    return ((Timestamp) engine.row(id).get("next_attempt_at")).toInstant();
  }

  private static void drain(OutboxWorker worker) {
    try {
      while (worker.runOnce(25).total() > 0) {
        // claim again until nothing is due
      }
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  private static com.stonegate.outbox.config.WorkerConfig config(int batch, int maxAttempts) {
    return EngineFixture.config(batch, maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  private static Handlers handlers(String type, EventHandler handler) {
    return Handlers.builder().add(type, handler).build();
  }
}
