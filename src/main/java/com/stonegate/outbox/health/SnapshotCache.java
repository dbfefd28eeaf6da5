package com.stonegate.outbox.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link Snapshot} on its own thread every interval, so readiness probes and metric scrapes
 * never wait for the database and never query it more often than that, however many there are. The
 * database counts as up while the latest attempt succeeded and is recent.
 */
public final class SnapshotCache implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SnapshotCache.class);

  /** The wait after a snapshot is at least this many times what it took. */
  static final int COST_FACTOR = 20;

  private final SnapshotQueries queries;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledExecutorService timer;
  private volatile Snapshot latest;
  private volatile long latestNanos;
  private volatile long delayNanos;
  private volatile String failure = "no answer yet";

  public SnapshotCache(SnapshotQueries queries, Clock clock, Duration interval) {
    this.queries = queries;
    this.clock = clock;
    this.interval = interval;
    this.delayNanos = interval.toNanos();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-snapshot");
              t.setDaemon(true);
              return t;
            });
  }

  /** Takes the first snapshot now, then one every interval. */
  public void start() {
    timer.execute(this::refreshAndReschedule);
  }

  private void refreshAndReschedule() {
    long started = System.nanoTime();
    boolean answered = refresh();
    // Only a successful snapshot's cost counts: a dead database's connection timeout must not
    // delay noticing that it is back.
    long cost = answered ? (System.nanoTime() - started) * COST_FACTOR : 0;
    delayNanos = Math.max(interval.toNanos(), cost);
    try {
      timer.schedule(this::refreshAndReschedule, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  /** The latest snapshot the database answered, however old; empty before the first. */
  public Optional<Snapshot> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * Why the database counts as down (its latest answer failed, or is older than three intervals: a
   * query hangs); empty when it is up.
   */
  public Optional<String> databaseProblem() {
    String problem = failure;
    if (problem == null && System.nanoTime() - latestNanos > delayNanos * 3) {
      problem =
          "no answer for " + Duration.ofNanos(System.nanoTime() - latestNanos).toSeconds() + " s";
    }
    return Optional.ofNullable(problem);
  }

  /** Takes one snapshot now; never throws. True when the database answered. */
  boolean refresh() {
    try {
      latest = queries.take(clock.instant());
      latestNanos = System.nanoTime();
      if (failure != null && !failure.equals("no answer yet")) {
        log.info("database answers again");
      }
      failure = null;
      return true;
    } catch (Exception e) {
      if (failure == null) {
        log.warn("database does not answer: {}", e.toString());
      }
      failure = "unreachable";
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
