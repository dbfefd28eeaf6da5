package com.stonegate.outbox.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds real engines on a test database; closes what it built. */
final class EngineFixture implements AutoCloseable {
  final TestDatabase db;
  final OutboxStore store;
  final List<BatchSummary> summaries = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> opened = new ArrayList<>();

  EngineFixture(TestDatabase db) {
    this.db = db;
    // The engine's own pool, as in production: a test can cut its connections and keep its own.
    HikariDataSource pool = Database.pool(db.config(), "engine", 10);
    opened.add(pool);
    this.store = new OutboxStore(pool, new ObjectMapper());
  }

  /** Kills every connection of the engine's pool, as a database restart would. */
  void cutConnections() {
    db.server()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'outbox-worker:engine'");
  }

  static WorkerConfig config(int batchSize, int maxAttempts, Duration retryBase, Duration lease) {
    return config(batchSize, batchSize, maxAttempts, retryBase, lease);
  }

  static WorkerConfig config(
      int batchSize, int concurrency, int maxAttempts, Duration retryBase, Duration lease) {
    return new WorkerConfig(
        batchSize,
        Duration.ofMillis(50),
        concurrency,
        maxAttempts,
        retryBase,
        retryBase.multipliedBy(1000),
        lease,
        false,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5));
  }

  OutboxWorker worker(Handlers handlers, WorkerConfig config, Clock clock) {
    return worker(handlers, config, clock, WorkerListener.NONE);
  }

  OutboxWorker worker(
      Handlers handlers, WorkerConfig config, Clock clock, WorkerListener listener) {
    ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
    RetryPolicy retry =
        new RetryPolicy(config.maxAttempts(), config.retryBase(), config.retryMax());
    OutboxWorker worker =
        new OutboxWorker(
            store,
            new BatchRunner(handlers, retry, pool, config.concurrency(), clock, listener),
            config,
            clock,
            summaries::add);
    opened.add(worker);
    opened.add(pool::shutdownNow);
    return worker;
  }

  UUID enqueue(String type, String payloadJson) {
    return db.value(
        "INSERT INTO outbox_events (type, payload) VALUES (?, ?::jsonb) RETURNING id",
        type,
        payloadJson);
  }

  /** Inserts {@code n} events of one type in one statement. */
  void enqueueMany(String type, int n) {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT ?, jsonb_build_object('n', g) FROM generate_series(1, ?) g",
        type,
        n);
  }

  java.util.Map<String, Object> row(UUID id) {
    return db.query("SELECT * FROM outbox_events WHERE id = ?", id).get(0);
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
