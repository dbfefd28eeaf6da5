package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Gives finished or dead events another run. */
@Command(
    name = "requeue",
    mixinStandardHelpOptions = true,
    description =
        "Make events due again with their attempts reset: the given ids, or every dead one.")
public final class RequeueCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Parameters(paramLabel = "ID", arity = "1..*", description = "Event ids.")
    List<UUID> ids;

    @Option(names = "--all-dead", required = true, description = "Every dead event.")
    boolean allDead;
  }

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      int n = target.allDead ? app.store().requeueAllDead() : app.store().requeue(target.ids);
      System.out.println("requeued " + n);
      return 0;
    }
  }
}
