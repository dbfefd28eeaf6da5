package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.seo.SeoResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One attempt of the autopublisher, now. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one SEO autopublish attempt and print its result as {\"ok\":true,\"seo\":{…}}.",
      "Exit code 0 whatever the result (skipped and failed attempts are results)."
    })
public final class SeoRunCommand implements Callable<Integer> {
  @Option(names = "--force", description = "Skip the quota and spacing checks.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      print(app.seo().attempt(force, "cli"));
      return 0;
    }
  }

  /** Prints the result line on stdout. */
  static void print(SeoResult result) {
    System.out.println(result.toJsonLine());
  }
}
