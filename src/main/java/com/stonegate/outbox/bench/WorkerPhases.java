package com.stonegate.outbox.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The phases that run real worker processes; times are read from the rows they finished. */
final class WorkerPhases {
  private WorkerPhases() {}

  /** Throughput of {@code processes} workers draining a pre-filled table. */
  record Drain(double eps, long peakRssMb, long logged) {}

  /** Commit-to-handled latencies, sorted, in milliseconds. */
  record Latency(double[] sortedMs, int pollIntervalMs, int everyMs) {
    double percentile(double p) {
      int rank = (int) Math.ceil(p / 100 * sortedMs.length);
      return sortedMs[Math.max(0, Math.min(sortedMs.length, rank) - 1)];
    }
  }

  /**
   * Starts the workers on the filled table and waits until it is drained. Events per second are
   * counted from the first batch's finish to the last finish (JVM start-up excluded, JIT warm-up
   * included); the peak RSS is read before the workers stop.
   */
  static Drain drain(Scratch db, int processes, int batch, long events) throws Exception {
    Map<String, String> env =
        Map.of("OUTBOX_POLL_INTERVAL_MS", "5000", "OUTBOX_BATCH_SIZE", String.valueOf(batch));
    try (Workers workers = Workers.start(processes, db.url(), env)) {
      awaitFinished(db, workers, Duration.ofSeconds(120 + events / 500));
      long rss = workers.peakRssMb();
      double eps;
      try (Connection c = db.pool.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT EXTRACT(EPOCH FROM max(processed_at) - min(processed_at)),"
                      + " count(*) FILTER (WHERE processed_at = (SELECT min(processed_at) FROM outbox_events))"
                      + " FROM outbox_events");
          ResultSet r = s.executeQuery()) {
        r.next();
        eps = (events - r.getLong(2)) / r.getDouble(1);
      }
      workers.stop(); // INFO lines reach the log within 200 ms, and all of them at exit
      return new Drain(eps, rss, workers.logLines("bench.noop processed attempt"));
    }
  }

  /**
   * Inserts one event at a time, each its own committed transaction, every {@code everyMs}, while a
   * worker idles at the 5 s poll interval; returns insert-commit to handler-finished times. The
   * first {@code warmUp} events warm the worker up and are not counted.
   */
  static Latency latency(Scratch db, int samples, int warmUp, int everyMs) throws Exception {
    int poll = 5000;
    try (Workers workers =
        Workers.start(1, db.url(), Map.of("OUTBOX_POLL_INTERVAL_MS", String.valueOf(poll)))) {
      awaitListening(db, workers);
      Map<UUID, Instant> committed = new LinkedHashMap<>();
      try (Connection c = db.pool.getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO outbox_events (type, payload) VALUES ('bench.noop', '{}') RETURNING id")) {
        long start = System.nanoTime();
        for (int i = 0; i < warmUp + samples; i++) {
          UUID id;
          try (ResultSet r = insert.executeQuery()) {
            r.next();
            id = r.getObject(1, UUID.class);
          }
          Instant at = Instant.now();
          if (i >= warmUp) {
            committed.put(id, at);
          }
          long next = start + (i + 1) * everyMs * 1_000_000L;
          long sleep = next - System.nanoTime();
          if (sleep > 0) {
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
          }
        }
      }
      awaitFinished(db, workers, Duration.ofSeconds(60));
      return new Latency(latencies(db, committed), poll, everyMs);
    }
  }

  /**
   * Seconds for a worker at {@code concurrency} (batch the same) to finish {@code events} events
   * whose handler waits {@code sleepMs}, from the commit of their insert to the last finish.
   */
  static double providerBound(Scratch db, int events, int sleepMs, int concurrency)
      throws Exception {
    Map<String, String> env =
        Map.of(
            "OUTBOX_POLL_INTERVAL_MS", "5000",
            "OUTBOX_BATCH_SIZE", String.valueOf(concurrency),
            "OUTBOX_CONCURRENCY", String.valueOf(concurrency));
    try (Workers workers = Workers.start(1, db.url(), env)) {
      awaitListening(db, workers);
      db.execute(
          "INSERT INTO outbox_events (type, payload) SELECT 'bench.sleep', '{\"ms\": "
              + sleepMs
              + "}' FROM generate_series(1, "
              + events
              + ")");
      Instant committed = Instant.now();
      awaitFinished(db, workers, Duration.ofSeconds(60 + (long) events * sleepMs / 1000));
      try (Connection c = db.pool.getConnection();
          PreparedStatement s = c.prepareStatement("SELECT max(processed_at) FROM outbox_events");
          ResultSet r = s.executeQuery()) {
        r.next();
        return Duration.between(committed, r.getTimestamp(1).toInstant()).toMillis() / 1000.0;
      }
    }
  }

  private static double[] latencies(Scratch db, Map<UUID, Instant> committed) throws SQLException {
    List<Double> ms = new ArrayList<>();
    try (Connection c = db.pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT id, processed_at FROM outbox_events WHERE id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("uuid", committed.keySet().toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Instant done = r.getTimestamp(2).toInstant();
          Instant at = committed.get(r.getObject(1, UUID.class));
          ms.add(Math.max(0, Duration.between(at, done).toNanos() / 1e6));
        }
      }
    }
    double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Until no event is unfinished; fails when a worker dies or time runs out. */
  private static void awaitFinished(Scratch db, Workers workers, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    // Whether any event is left, not how many: a count of the unfinished rows every 100 ms would
    // take a share of the same two cores the drain is measured on.
    while (db.queryLong(
            "SELECT count(*) FROM (SELECT 1 FROM outbox_events WHERE processed_at IS NULL LIMIT 1) t")
        > 0) {
      workers.checkAlive();
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("workers did not drain the queue in " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Until the worker's LISTEN connection is up, so it idles as in production. */
  private static void awaitListening(Scratch db, Workers workers) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (db.queryLong(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'outbox-worker:listener'")
        == 0) {
      workers.checkAlive();
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the worker did not start listening in 60 s");
      }
      Thread.sleep(50);
    }
  }
}
