package com.stonegate.outbox;

import com.stonegate.outbox.bench.BenchCommand;
import com.stonegate.outbox.cli.DeadCommand;
import com.stonegate.outbox.cli.DeliveriesCommand;
import com.stonegate.outbox.cli.DemoCommand;
import com.stonegate.outbox.cli.EnqueueCommand;
import com.stonegate.outbox.cli.Failures;
import com.stonegate.outbox.cli.MigrateCommand;
import com.stonegate.outbox.cli.PruneCommand;
import com.stonegate.outbox.cli.RequeueCommand;
import com.stonegate.outbox.cli.RunCommand;
import com.stonegate.outbox.cli.SeoCommand;
import com.stonegate.outbox.cli.ServeCommand;
import com.stonegate.outbox.cli.StatusCommand;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line. Exit codes: 0 done, 1 failed (e.g. no database), 2 bad configuration. */
@Command(
    name = "outbox-worker",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Drains StonegateOS's outbox_events queue. Without a command: run.",
      "Reads its variables from the environment and from ./.env (the environment wins)."
    },
    subcommands = {
      RunCommand.class,
      ServeCommand.class,
      MigrateCommand.class,
      EnqueueCommand.class,
      StatusCommand.class,
      DeadCommand.class,
      RequeueCommand.class,
      DeliveriesCommand.class,
      DemoCommand.class,
      PruneCommand.class,
      BenchCommand.class,
      SeoCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Commands whose output is the worker's log; the others keep stdout for their own output. */
  private static final Set<String> SERVICE_COMMANDS = Set.of("run", "serve");

  @Override
  public Integer call() throws Exception {
    return new RunCommand().call();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    boolean service = args.length == 0 || SERVICE_COMMANDS.contains(args[0]);
    if (System.getProperty("OUTBOX_LOG_TARGET") == null
        && System.getenv("OUTBOX_LOG_TARGET") == null) {
      System.setProperty("OUTBOX_LOG_TARGET", service ? "System.out" : "System.err");
    }
    // Buffered log lines are written out by the appender's shutdown hook at System.exit.
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, command, parsed) -> Failures.report(e, System.err))
        .execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"outbox-worker " + (version == null ? "dev" : version)};
    }
  }
}
