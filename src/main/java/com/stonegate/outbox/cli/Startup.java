package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up steps shared by the long-running commands. */
final class Startup {
  private static final Logger log = LoggerFactory.getLogger(Startup.class);

  private Startup() {}

  /**
   * Waits for the database to answer, with backoff, so a polling worker may start before it (a
   * supervisor starting both at boot). Returns at once when it answers.
   */
  static void awaitDatabase(Application app) throws InterruptedException {
    long delayMs = 500;
    while (true) {
      try {
        app.checkDatabase();
        return;
      } catch (java.sql.SQLException e) {
        log.warn("waiting for the database ({}); next try in {} ms", e.getMessage(), delayMs);
        Thread.sleep(delayMs);
        delayMs = Math.min(delayMs * 2, Duration.ofSeconds(30).toMillis());
      }
    }
  }
}
