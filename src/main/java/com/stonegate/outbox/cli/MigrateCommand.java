package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Applies the migrations and exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply the worker's database migrations (whatever OUTBOX_MIGRATE says) and exit.")
public final class MigrateCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.checkDatabase();
      int applied = Database.migrate(app.dataSource());
      System.out.println("applied " + applied + " migrations");
      return 0;
    }
  }
}
