package com.stonegate.outbox.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.db.EmbeddedDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code outbox-worker bench}: the worker against PostgreSQL's own limit and the original
 * algorithm, on a scratch database of the configured server. See README, "Performance".
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure drain throughput, wake-up latency, provider-bound throughput and memory of the",
      "real worker (child processes of this jar) in a scratch database it creates and drops.",
      "Prints a table and one JSON object. Not for a production server under load."
    })
public final class BenchCommand implements Callable<Integer> {
  static final int BATCH = 100;
  static final long BASELINE_EVENTS = 20_000;

  @Option(
      names = "--events",
      description = "bench.noop events per drain, 1000 to 10000000 (default 200000)")
  long events = 200_000;

  @Option(
      names = "--rounds",
      description = "repeat the drains, keep the best of each, 1 to 20 (default 1)")
  int rounds = 1;

  @Option(
      names = "--history",
      description = "finished rows to measure claim time beside, 0 to 50000000 (default 0)")
  long history = 0;

  @Option(names = "--save", paramLabel = "DIR", description = "also write DIR/<date>.md")
  Path save;

  @Option(names = "--note", description = "what else ran on the machine, for the results file")
  String note = "";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    requireRange("--events", events, 1_000, 10_000_000);
    requireRange("--rounds", rounds, 1, 20);
    requireRange("--history", history, 0, 50_000_000);
    Config config = Config.fromProcess();
    EmbeddedDatabase embedded =
        config.database().isEmpty() ? EmbeddedDatabase.start(config.dataDirectory()) : null;
    DatabaseConfig server = embedded != null ? embedded.config() : config.database().get();
    Report report = new Report();
    Instant started = Instant.now();
    double loadBefore = load();
    try (Scratch db = new Scratch(server)) {
      measure(db, report);
      facts(db, report.machine(), loadBefore, started);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    String json = report.json.toString();
    System.out.print(report.table());
    System.out.println(json);
    if (save != null) {
      write(report.table(), json, started);
    }
    return 0;
  }

  /** A usage error (exit 2) before any database work. */
  private void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          String.format(
              Locale.ROOT,
              "Invalid value for option '%s': expected %,d to %,d, not %d",
              option,
              min,
              max,
              value));
    }
  }

  private void measure(Scratch db, Report report) throws Exception {
    long baselineEvents = Math.min(events, BASELINE_EVENTS);
    double baseline;
    try (Connection c = db.pool.getConnection()) {
      progress("original algorithm, " + baselineEvents + " events");
      fill(db);
      baseline = SqlLoops.original(c, baselineEvents);
    }
    drains(db, report, baseline, baselineEvents);
    int samples = (int) Math.max(100, Math.min(1000, events / 200));
    progress("latency, " + samples + " events one every 10 ms");
    db.fill(0, "bench.noop", "'{}'");
    report.latency(WorkerPhases.latency(db, samples, 100, 10));
    progress("provider-bound, 1000 events of 200 ms");
    db.fill(0, "bench.noop", "'{}'");
    report.providerBound(1000, 200, 32, WorkerPhases.providerBound(db, 1000, 200, 32));
    if (history > 0) {
      progress("claim time beside " + history + " finished rows");
      report.history(History.measure(db, history));
    }
  }

  /**
   * The limit and the worker's drains. On a shared machine a neighbour's burst can slow any one
   * drain: with --rounds they take turns and the best of each counts (the largest RSS, though).
   */
  private void drains(Scratch db, Report report, double baseline, long baselineEvents)
      throws Exception {
    double limit = 0;
    WorkerPhases.Drain one = null;
    WorkerPhases.Drain two = null;
    long rss = -1;
    long rss2 = -1;
    for (int round = 1; round <= rounds; round++) {
      progress("round " + round + " of " + rounds + ": pure SQL loop");
      fill(db);
      try (Connection c = db.pool.getConnection()) {
        limit = Math.max(limit, SqlLoops.limit(c, BATCH, events));
      }
      progress("round " + round + " of " + rounds + ": worker, 1 process");
      fill(db);
      WorkerPhases.Drain drain = WorkerPhases.drain(db, 1, BATCH, events);
      rss = Math.max(rss, drain.peakRssMb());
      one = best(one, drain);
      progress("round " + round + " of " + rounds + ": worker, 2 processes");
      fill(db);
      WorkerPhases.Drain pair = WorkerPhases.drain(db, 2, BATCH, events);
      rss2 = Math.max(rss2, pair.peakRssMb());
      two = best(two, pair);
    }
    report.throughput(events, BATCH, rounds, limit, baseline, baselineEvents);
    report.worker(1, one, limit, baseline);
    report.worker(2, two, limit, baseline);
    report.rss(rss, rss2);
  }

  private void fill(Scratch db) throws Exception {
    db.fill(events, "bench.noop", "jsonb_build_object('n', g)");
  }

  private static WorkerPhases.Drain best(WorkerPhases.Drain a, WorkerPhases.Drain b) {
    return a == null || b.eps() > a.eps() ? b : a;
  }

  private void facts(Scratch db, ObjectNode machine, double loadBefore, Instant started)
      throws Exception {
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", cpuModel());
    machine.put("postgres", db.show("server_version"));
    machine.put("synchronous_commit", db.show("synchronous_commit"));
    machine.put("fsync", db.show("fsync"));
    machine.put("shared_buffers", db.show("shared_buffers"));
    machine.put("java", System.getProperty("java.version"));
    machine.put("java_opts", Workers.javaOpts());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("load_before", Math.round(loadBefore * 100) / 100.0);
    machine.put("load_after", Math.round(load() * 100) / 100.0);
    machine.put("started_at", started.toString());
    machine.put("seconds", secondsSince(started));
    machine.put("note", note);
  }

  private void write(String table, String json, Instant started) throws Exception {
    Files.createDirectories(save);
    String date =
        DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC).format(started);
    Path file = save.resolve(date + "-" + events + ".md");
    String text =
        "# outbox-worker bench, "
            + started
            + "\n\n"
            + (note.isBlank() ? "" : note + "\n\n")
            + "```\n"
            + table
            + "```\n\n```json\n"
            + json
            + "\n```\n";
    Files.writeString(file, text);
    progress("wrote " + file);
  }

  private static long secondsSince(Instant started) {
    return java.time.Duration.between(started, Instant.now()).toSeconds();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void progress(String what) {
    System.err.println("bench: " + what);
  }
}
