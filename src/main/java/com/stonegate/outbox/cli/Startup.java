package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up steps shared by the long-running commands. */
final class Startup {
  private static final Logger log = LoggerFactory.getLogger(Startup.class);

  private Startup() {}

  /**
   * Waits for the database to answer, with backoff, so a polling worker may start before it (a
   * supervisor starting both at boot). Returns true at once when it answers, false as soon as
   * {@code stop} is counted down (SIGTERM while waiting: nothing to finish, so no grace period).
   */
  static boolean awaitDatabase(Application app, CountDownLatch stop) throws InterruptedException {
    long delayMs = 500;
    while (stop.getCount() > 0) {
      try {
        app.checkDatabase();
        return true;
      } catch (java.sql.SQLException e) {
        log.warn("waiting for the database ({}); next try in {} ms", e.getMessage(), delayMs);
        if (stop.await(delayMs, TimeUnit.MILLISECONDS)) {
          break;
        }
        delayMs = Math.min(delayMs * 2, Duration.ofSeconds(30).toMillis());
      }
    }
    log.info("stopped before the database answered");
    return false;
  }
}
