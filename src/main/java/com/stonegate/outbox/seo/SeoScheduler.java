package com.stonegate.outbox.seo;

import com.stonegate.outbox.config.SeoConfig;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the autopublisher inside the polling worker, on a thread of its own: an attempt at once,
 * then one {@code interval} after each attempt ends. A slow OpenAI call never delays event
 * dispatch, and a busy queue never delays an attempt. Each result goes to the reporter (the worker
 * prints it as {@code {"ok":true,"seo":{…}}}).
 */
public final class SeoScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeoScheduler.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final SeoAutopublisher seo;
  private final Consumer<SeoResult> reporter;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "seo-autopublisher");
            t.setDaemon(true);
            return t;
          });

  private SeoScheduler(SeoAutopublisher seo, Consumer<SeoResult> reporter) {
    this.seo = seo;
    this.reporter = reporter;
  }

  /**
   * Starts attempts every {@code interval}; tests pass intervals far below the minimum that {@link
   * SeoConfig} allows for the variable.
   */
  public static SeoScheduler start(
      SeoAutopublisher seo, Duration interval, Consumer<SeoResult> reporter) {
    SeoScheduler scheduler = new SeoScheduler(seo, reporter);
    long ms = interval.toMillis();
    scheduler.thread.scheduleWithFixedDelay(scheduler::attempt, 0, ms, TimeUnit.MILLISECONDS);
    return scheduler;
  }

  /**
   * Starts attempts as configured: none when {@code SEO_AUTOPUBLISH_DISABLED=1}; a warning when
   * {@code SEO_AUTOPUBLISH_INTERVAL_MS} fell back to the default.
   */
  public static SeoScheduler start(
      SeoAutopublisher seo, SeoConfig config, Consumer<SeoResult> reporter) {
    config.intervalWarning().ifPresent(log::warn);
    if (config.disabled()) {
      log.info("SEO autopublisher disabled (SEO_AUTOPUBLISH_DISABLED)");
      SeoScheduler idle = new SeoScheduler(seo, reporter);
      idle.thread.shutdown();
      return idle;
    }
    log.info(
        "SEO autopublisher: an attempt now, then every {} ms ({} mode)",
        config.interval().toMillis(),
        config.mode().name().toLowerCase(java.util.Locale.ROOT));
    return start(seo, config.interval(), reporter);
  }

  /**
   * Stops scheduling and interrupts a running attempt, waiting briefly for it to release the
   * advisory lock.
   */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("SEO attempt still running at shutdown; its lock ends with the connection");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void attempt() {
    try {
      reporter.accept(seo.attempt(false, "worker"));
    } catch (RuntimeException e) {
      // A bug must not cancel the schedule: the executor drops a task that throws.
      log.error("SEO attempt crashed; the next one runs on schedule", e);
    }
  }
}
