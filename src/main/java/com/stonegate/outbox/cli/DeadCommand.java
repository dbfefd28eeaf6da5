package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.queue.DeadEvent;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The events that gave up, with why. */
@Command(
    name = "dead",
    mixinStandardHelpOptions = true,
    description = "List dead events, most recent first, with their last error.")
public final class DeadCommand implements Callable<Integer> {
  @Option(
      names = "--limit",
      defaultValue = "100",
      converter = Limit.class,
      description = "At most this many, 1 to " + Limit.MAX + " (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      List<DeadEvent> dead = app.store().dead(limit);
      for (DeadEvent e : dead) {
        System.out.printf(
            "%s  %-24s attempts=%d dead_at=%s%n    %s%n",
            e.id(), e.type(), e.attempts(), e.deadAt(), e.lastError());
      }
      System.out.printf("%d dead%n", dead.size());
      return 0;
    }
  }
}
