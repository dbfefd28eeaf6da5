package com.stonegate.outbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.queue.OutboxEvent;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.queue.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Claim time against the number of finished rows kept in the table: the claim reads a partial index
 * of unfinished rows only, so it should not grow. Then one prune of all of them.
 */
final class History {
  private static final int PENDING = 10_000;
  private static final int BATCH = 100;
  private static final long CHUNK = 1_000_000;

  /** One level: the finished rows in the table and the claim's median and p95 time. */
  record Level(long finishedRows, double claimMsP50, double claimMsP95) {}

  /** The levels measured, and how long {@code prune --older-than 30d} took to delete them. */
  record Result(List<Level> levels, double pruneSeconds, long pruned) {}

  private History() {}

  static Result measure(Scratch db, long history) throws Exception {
    db.execute("TRUNCATE outbox_events");
    OutboxStore store = new OutboxStore(db.pool, new ObjectMapper());
    List<Level> levels = new ArrayList<>();
    long rows = 0;
    int steps = history >= 5 * CHUNK ? 5 : 2;
    for (int step = 0; step <= steps; step++) {
      long target = history * step / steps;
      while (rows < target) {
        long n = Math.min(CHUNK, target - rows);
        db.execute(
            "INSERT INTO outbox_events (type, payload, created_at, processed_at, attempts)"
                + " SELECT 'bench.noop', jsonb_build_object('n', g),"
                + " now() - interval '40 days', now() - interval '40 days', 1"
                + " FROM generate_series(1, "
                + n
                + ") g");
        rows += n;
      }
      levels.add(level(db, store));
    }
    long started = System.nanoTime();
    long pruned = store.prune(Instant.now().minus(Duration.ofDays(30)));
    return new Result(levels, SqlLoops.seconds(started), pruned);
  }

  private static Level level(Scratch db, OutboxStore store) throws Exception {
    long finished = db.count("processed_at IS NOT NULL");
    db.execute(
        "INSERT INTO outbox_events (type, payload) SELECT 'bench.noop', '{}'"
            + " FROM generate_series(1, "
            + PENDING
            + ")");
    db.settle();
    double[] ms = new double[PENDING / BATCH];
    for (int i = 0; i < ms.length; i++) {
      String owner = "bench-history#" + i;
      Instant now = Instant.now();
      long started = System.nanoTime();
      List<OutboxEvent> claimed = store.claimDue(owner, BATCH, now, now.plusSeconds(300));
      ms[i] = (System.nanoTime() - started) / 1e6;
      List<Outcome> done = new ArrayList<>();
      for (OutboxEvent e : claimed) {
        done.add(new Outcome(e, Outcome.Status.PROCESSED, null, null, Duration.ZERO));
      }
      store.finish(owner, done, Instant.now());
    }
    Arrays.sort(ms);
    return new Level(finished, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]);
  }
}
