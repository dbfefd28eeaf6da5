package com.stonegate.outbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.HttpConfig;
import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.health.HeartbeatStore;
import com.stonegate.outbox.health.Readiness;
import com.stonegate.outbox.health.SnapshotCache;
import com.stonegate.outbox.health.SnapshotQueries;
import com.stonegate.outbox.metrics.EngineMetrics;
import com.stonegate.outbox.metrics.OutboxMetrics;
import com.stonegate.outbox.metrics.QueueGauges;
import com.stonegate.outbox.notify.DeliveryLedger;
import com.stonegate.outbox.queue.BatchRunner;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.queue.OutboxWorker;
import com.stonegate.outbox.queue.RetryPolicy;
import com.stonegate.outbox.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin HTTP server as the worker wires it, started on a free loopback port over a real engine
 * on a test database: real pools, real snapshots, real metrics. Closes all it started.
 */
final class AdminApi implements AutoCloseable {
  static final String KEY = "test-admin-key-0123456789abcdef";
  static final Duration SNAPSHOTS = Duration.ofMillis(100);

  final OutboxWorker worker;
  final OutboxMetrics metrics = new OutboxMetrics();
  final HttpClientOf client;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** What a test may change; everything else is as in production. */
  record Options(
      Optional<String> key,
      Handlers handlers,
      Clock clock,
      boolean polling,
      SeoTrigger seo,
      Duration queueMaxAge) {

    static Options defaults(Handlers handlers) {
      return new Options(
          Optional.of(KEY),
          handlers,
          Clock.systemUTC(),
          false,
          SeoTrigger.UNAVAILABLE,
          Duration.ofMinutes(10));
    }
  }

  AdminApi(TestDatabase db, Options o) {
    ObjectMapper json = new ObjectMapper();
    HikariDataSource engine = keep(Database.pool(db.config(), "engine", 10));
    HikariDataSource ops = keep(Database.pool(db.config(), "ops", 2));
    ops.setConnectionTimeout(1_000);
    WorkerConfig config =
        new WorkerConfig(
            10,
            Duration.ofMillis(20),
            10,
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            false,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    int concurrency = 10;
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    keep(threads::shutdownNow);
    RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
    var listener = new EngineMetrics(metrics.registry(), o.handlers().types());
    var runner = new BatchRunner(o.handlers(), retry, threads, concurrency, o.clock(), listener);
    worker =
        keep(new OutboxWorker(new OutboxStore(engine, json), runner, config, o.clock(), s -> {}));
    var heartbeats = new HeartbeatStore(ops);
    var queries =
        new SnapshotQueries(
            ops, new OutboxStore(ops, json), heartbeats, new DeliveryLedger(ops)::countUncertain);
    SnapshotCache snapshots = keep(new SnapshotCache(queries, o.clock(), SNAPSHOTS));
    snapshots.start();
    QueueGauges.register(metrics.registry(), snapshots, o.clock());
    metrics.bindJvm();
    metrics.bindPool(engine);
    if (o.polling()) {
      Thread loop = new Thread(worker::run, "test-poll-loop");
      loop.setDaemon(true);
      loop.start();
      keep(
          () -> {
            worker.stop();
            worker.awaitStopped(Duration.ofSeconds(10));
          });
    }
    var readiness =
        new Readiness(
            snapshots,
            o.polling() ? worker::lastBeat : null,
            Duration.ofSeconds(90),
            o.queueMaxAge(),
            o.clock());
    HttpConfig http =
        new HttpConfig(true, "127.0.0.1", 0, o.key(), Duration.ofSeconds(90), o.queueMaxAge());
    var endpoints = new AdminServer.Endpoints(worker, o.seo(), readiness, metrics);
    AdminServer server = keep(new AdminServer(http, endpoints, json, Duration.ofSeconds(5)));
    server.start();
    client = new HttpClientOf(server.port());
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    metrics.close();
  }

  private <T extends AutoCloseable> T keep(T part) {
    opened.push(part);
    return part;
  }
}
