package com.stonegate.outbox.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes events finished longer ago than the retention, a minute after start-up and then once a
 * day, on a thread of its own. Several workers pruning at once only wait briefly for each other.
 */
public final class DailyPrune implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DailyPrune.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-prune");
            t.setDaemon(true);
            return t;
          });

  private DailyPrune() {}

  public static DailyPrune start(OutboxStore store, Duration retention, Clock clock) {
    DailyPrune prune = new DailyPrune();
    prune.timer.scheduleWithFixedDelay(
        () -> pruneOnce(store, retention, clock),
        Duration.ofMinutes(1).toMillis(),
        Duration.ofDays(1).toMillis(),
        TimeUnit.MILLISECONDS);
    return prune;
  }

  private static void pruneOnce(OutboxStore store, Duration retention, Clock clock) {
    long started = System.nanoTime();
    try {
      long deleted = store.prune(clock.instant().minus(retention));
      log.info(
          "pruned {} events finished over {} days ago in {} ms",
          deleted,
          retention.toDays(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      log.warn("prune failed, trying again tomorrow: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
