package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.notify.Journal;
import com.stonegate.outbox.notify.Notifications;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.queue.BatchRunner;
import com.stonegate.outbox.queue.BatchSummary;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.queue.OutboxWorker;
import com.stonegate.outbox.queue.RetryPolicy;
import com.stonegate.outbox.queue.WorkerListener;
import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real worker with the real handlers on a test database, configured by variables as in
 * production (providers pointed at loopback stand-ins by the test). Closes what it built.
 */
final class HandlerFixture implements AutoCloseable {
  final TestDatabase db;
  final MutableClock clock = MutableClock.atSystemTime();
  final List<Journal.Entry> journal = new CopyOnWriteArrayList<>();
  final Notifications notifications;
  private final OutboxWorker worker;
  private static final int THREADS = 4;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  HandlerFixture(TestDatabase db, Map<String, String> variables) {
    this.db = db;
    Map<String, String> vars = new HashMap<>(variables);
    vars.putIfAbsent("NEXT_PUBLIC_SITE_URL", "https://stonegate.example/");
    vars.putIfAbsent("APPOINTMENT_TIMEZONE", "America/New_York");
    Config config = Config.from(vars);
    notifications =
        Notifications.create(
            config.notifications(), config.openAi(), db.dataSource(), clock, ProviderCalls.NONE);
    notifications.journal().listen(journal::add);
    Handlers handlers =
        StonegateHandlers.register(
                Handlers.builder(),
                notifications,
                db.dataSource(),
                config.notifications().site(),
                clock)
            .build();
    WorkerConfig w = WorkerConfig.defaults();
    RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(5));
    worker =
        new OutboxWorker(
            new OutboxStore(db.dataSource(), new ObjectMapper()),
            new BatchRunner(handlers, retry, pool, THREADS, clock, WorkerListener.NONE),
            w,
            clock,
            s -> {});
  }

  BatchSummary runOnce() throws Exception {
    return worker.runOnce(20);
  }

  /** Runs a batch after the retry delay has passed. */
  BatchSummary runAgainLater() throws Exception {
    clock.advance(Duration.ofMinutes(10));
    return runOnce();
  }

  UUID enqueue(String type, String payloadJson) {
    return db.value(
        "INSERT INTO outbox_events (type, payload, created_at) VALUES (?, ?::jsonb, ?) RETURNING id",
        type,
        payloadJson,
        java.sql.Timestamp.from(clock.instant().minusSeconds(1)));
  }

  Map<String, Object> event(UUID id) {
    return db.query("SELECT * FROM outbox_events WHERE id = ?", id).get(0);
  }

  List<Map<String, Object>> deliveries(UUID eventId) {
    return db.query(
        "SELECT channel, recipient, state, provider_message_id, error FROM outbox_deliveries"
            + " WHERE event_id = ? ORDER BY channel, recipient",
        eventId);
  }

  @Override
  public void close() {
    worker.close();
    pool.shutdownNow();
  }
}
