package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.log.BufferedConsoleAppender;
import com.stonegate.outbox.queue.BatchSummary;
import com.stonegate.outbox.seo.SeoScheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** The worker itself: one batch, or polling until SIGTERM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Drain the queue. With OUTBOX_POLL_INTERVAL_MS=0 (the default): one batch, print its",
      "summary, exit. Above 0: poll until SIGTERM/SIGINT, printing a summary per batch.",
      "A second SIGTERM during the shutdown grace period exits at once.",
      "The SEO autopublisher runs once after the batch, or on its own thread while polling.",
      "A polling worker also serves the HTTP API (OUTBOX_HTTP_PORT, PORT, default 3001)."
    })
public final class RunCommand implements Callable<Integer> {
  /** Exit code of the immediate exit at a second signal: 128 + SIGTERM. */
  static final int INTERRUPTED = 143;

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Override
  public Integer call() throws Exception {
    Config config = Config.fromProcess();
    try (Application app = Application.open(config, System.out)) {
      WorkerConfig worker = config.worker();
      if (!worker.polling()) {
        app.migrateIfEnabled();
        BatchSummary summary = app.worker().runOnce(worker.batchSize());
        BufferedConsoleAppender.flushAll(); // the batch's log lines come before its summary
        System.out.println(summary.toJson());
        System.out.println(app.seo().attempt(false, "worker").toJsonLine());
        return 0;
      }
      CountDownLatch stopRequested = new CountDownLatch(1);
      ShutdownSignals.install(
          () -> {
            stopRequested.countDown();
            stopGracefully(app, worker.shutdownGrace());
          },
          () -> halt(INTERRUPTED));
      if (!Startup.awaitDatabase(app, stopRequested)) {
        return 0;
      }
      app.migrateIfEnabled();
      try (Operations operations = Operations.start(app, true, Operations.seoTrigger(app))) {
        log.info(
            "worker {} polling every {} ms, batch {}, concurrency {}, http port {}",
            app.worker().instanceId(),
            worker.pollInterval().toMillis(),
            worker.batchSize(),
            worker.concurrency(),
            operations.port() < 0 ? "off" : operations.port());
        app.startListenerAndPrune();
        SeoScheduler seo =
            SeoScheduler.start(
                app.seo(),
                config.seo(),
                result -> {
                  SeoRunCommand.print(result);
                  app.metrics().seo().attempted(result.outcome());
                });
        try {
          app.worker().run();
        } finally {
          seo.close();
        }
      }
      return 0;
    }
  }

  /** Exits at once, without shutdown hooks, after writing out the buffered log lines. */
  static void halt(int status) {
    BufferedConsoleAppender.flushAll();
    Runtime.getRuntime().halt(status);
  }

  /**
   * Stops claiming and gives running handlers the grace period; whatever still runs after it has
   * its leases released by {@link Application#close()} as the main thread returns.
   */
  private static void stopGracefully(Application app, Duration grace) {
    log.info("stopping: running handlers get {} ms to finish", grace.toMillis());
    app.worker().stop();
    try {
      if (!app.worker().awaitStopped(grace)) {
        log.warn("grace period over; releasing the leases of unfinished events");
        app.close();
        halt(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
