package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.notify.Journal;
import com.stonegate.outbox.queue.BatchSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Shows the product on a fresh machine: a throwaway embedded database with two customers and one
 * event of each type, one batch, and per event what was sent or would have been sent. Twilio, SMTP,
 * Google, webhooks and GA4 stay off whatever the environment says (the demo's customers are
 * fictional); OpenAI writes the copy when {@code OPENAI_API_KEY} is set.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run one batch of sample StonegateOS events on a throwaway embedded database and print",
      "what each event sent or would have sent. Never touches DATABASE_URL or real customers."
    })
public final class DemoCommand implements Callable<Integer> {
  /** Variables the demo takes from the environment; everything else is left unset. */
  private static final List<String> PASSED =
      List.of(
          "OPENAI_API_KEY",
          "OPENAI_BASE_URL",
          "OPENAI_MODEL",
          "OPENAI_TIMEOUT_MS",
          "NEXT_PUBLIC_SITE_URL",
          "SITE_URL",
          "APPOINTMENT_TIMEZONE",
          "OUTBOX_LOG_LEVEL");

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("outbox-demo-");
    try {
      return run(dir, System.out);
    } finally {
      deleteTree(dir);
    }
  }

  static int run(Path dir, PrintStream out) throws Exception {
    Map<String, String> vars = new HashMap<>();
    PASSED.forEach(
        name -> {
          String value = System.getenv(name);
          if (value != null) {
            vars.put(name, value);
          }
        });
    vars.put("OUTBOX_DATA_DIR", dir.toString());
    vars.put("OUTBOX_BATCH_SIZE", "20");
    if (!vars.containsKey("OUTBOX_LOG_LEVEL")) {
      // The report is the output; the worker's own log lines would bury it.
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT"))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
    out.println("Starting a throwaway embedded PostgreSQL (a few seconds)...");
    try (Application app = Application.open(Config.from(vars), out)) {
      app.migrateIfEnabled();
      List<Journal.Entry> entries = new ArrayList<>();
      app.notifications()
          .journal()
          .listen(
              e -> {
                synchronized (entries) {
                  entries.add(e);
                }
              });
      Map<String, String[]> events = load(app);
      BatchSummary summary = app.worker().runOnce(20);
      DemoReport.print(out, app, events, entries);
      out.println();
      out.println("Batch summary: " + summary.toJson());
      out.println(
          "Nothing left this machine: set TWILIO_*, SMTP_*, GOOGLE_*, OUTBOX_WEBHOOK_URLS or GA4_*"
              + " (README, \"Notifications\") and run `outbox-worker` to send for real.");
      return 0;
    }
  }

  /** Loads the sample data; returns each event's id → {type, payload}. */
  private static Map<String, String[]> load(Application app) throws Exception {
    String script;
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/stonegate-demo.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String[]> events = new java.util.LinkedHashMap<>();
    try (Connection c = app.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(script);
      try (ResultSet r =
          s.executeQuery("SELECT id, type, payload::text FROM outbox_events ORDER BY created_at")) {
        while (r.next()) {
          events.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
        }
      }
    }
    return events;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
