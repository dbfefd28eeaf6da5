package com.stonegate.outbox.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.health.Heartbeat;
import com.stonegate.outbox.health.HeartbeatStore;
import com.stonegate.outbox.queue.QueueStatus;
import com.stonegate.outbox.queue.RetryingEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What the queue looks like now. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show pending, due, in-flight, retrying and dead events, overall and per type,"
            + " uncertain deliveries, the next retries (the backoff schedule), and the worker"
            + " instances (live or stale by their heartbeat).")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--retries",
      defaultValue = "10",
      description =
          "Show the next N retries: attempt, when, last error (default ${DEFAULT-VALUE}).")
  int retries;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      Instant now = Instant.now();
      QueueStatus status = app.store().status(now);
      long uncertain = app.notifications().ledger().countUncertain();
      List<Heartbeat> workers = new HeartbeatStore(app.dataSource()).all();
      List<RetryingEvent> next = app.store().retrying(now, Math.max(retries, 0));
      int maxAttempts = app.config().worker().maxAttempts();
      if (json) {
        ObjectNode node = app.json().valueToTree(status);
        node.put("uncertainDeliveries", uncertain);
        node.put("maxAttempts", maxAttempts);
        node.set("retries", RetriesReport.json(next, app.json()));
        node.set("workers", WorkersReport.json(workers, now, app.json()));
        System.out.println(app.json().writeValueAsString(node));
      } else {
        print(status, uncertain);
        RetriesReport.print(next, maxAttempts, now, System.out);
        WorkersReport.print(workers, now, System.out);
      }
      return 0;
    }
  }

  private static void print(QueueStatus s, long uncertain) {
    System.out.printf("pending     %8d%n", s.pending());
    System.out.printf("  due       %8d%n", s.due());
    System.out.printf("  in flight %8d%n", s.inFlight());
    System.out.printf("  retrying  %8d%n", s.retrying());
    System.out.printf("dead        %8d%n", s.dead());
    System.out.printf(
        "uncertain   %8d deliveries%s%n",
        uncertain,
        uncertain == 0
            ? ""
            : " (a worker died sending them: outbox-worker deliveries --uncertain)");
    System.out.printf(
        "oldest pending %.1f s, oldest due %.1f s%n",
        s.oldestPendingSeconds(), s.oldestDueSeconds());
    if (!s.byType().isEmpty()) {
      System.out.printf("%n%-32s %8s %8s%n", "type", "pending", "dead");
      s.byType()
          .forEach((type, c) -> System.out.printf("%-32s %8d %8d%n", type, c.pending(), c.dead()));
    }
  }
}
