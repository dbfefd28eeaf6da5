package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.ConfigException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** The HTTP API alone: manual dispatch, health, metrics; no polling. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API without polling: events are dispatched only on",
      "POST /api/admin/outbox/dispatch. Port: OUTBOX_HTTP_PORT, else PORT, else 3001.",
      "SIGTERM/SIGINT stops it once requests in progress finish (OUTBOX_SHUTDOWN_GRACE_MS)."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public Integer call() throws Exception {
    Config config = Config.fromProcess();
    if (!config.http().enabled()) {
      throw new ConfigException(
          List.of("OUTBOX_HTTP_ENABLED=0 turns off the HTTP server, which is all `serve` runs"));
    }
    try (Application app = Application.open(config, System.out)) {
      CountDownLatch stop = new CountDownLatch(1);
      ShutdownSignals.install(stop::countDown, () -> RunCommand.halt(RunCommand.INTERRUPTED));
      if (!Startup.awaitDatabase(app, stop)) {
        return 0;
      }
      app.migrateIfEnabled();
      try (Operations operations = Operations.start(app, false, Operations.seoTrigger(app))) {
        log.info("serving the HTTP API on port {}; no polling", operations.port());
        stop.await();
        log.info(
            "stopping: requests in progress get {} ms", config.worker().shutdownGrace().toMillis());
      }
      return 0;
    }
  }
}
