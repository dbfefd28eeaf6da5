package com.stonegate.outbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real worker processes: {@code java <JAVA_OPTS> -jar outbox-worker.jar run}, the same jar as this
 * bench, with the production defaults except the variables a phase sets (and the HTTP API off;
 * {@code OUTBOX_LOG_LEVEL} is passed on when set). Each runs in an empty directory (no {@code
 * .env}) with a clean environment; its log (stdout, JSON lines, one per event) goes to a file, as
 * under systemd or pm2.
 */
final class Workers implements AutoCloseable {
  /** The heap settings of {@code bin/outbox-worker}; a test keeps the two the same. */
  static final String DEFAULT_JAVA_OPTS =
      "-Xms32m -Xmx192m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

  private final Path directory;
  private final List<Process> processes = new ArrayList<>();

  private Workers(Path directory) {
    this.directory = directory;
  }

  /** Starts {@code count} workers on {@code databaseUrl} with these variables. */
  static Workers start(int count, String databaseUrl, Map<String, String> variables) {
    try {
      Workers workers = new Workers(Files.createTempDirectory("outbox-bench-"));
      for (int i = 0; i < count; i++) {
        workers.processes.add(workers.launch(i, databaseUrl, variables));
      }
      return workers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String javaOpts() {
    String opts = System.getenv("JAVA_OPTS");
    return opts == null || opts.isBlank() ? DEFAULT_JAVA_OPTS : opts.trim();
  }

  private Process launch(int index, String databaseUrl, Map<String, String> variables)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(javaOpts().split("\\s+")));
    command.addAll(List.of("-jar", jar().toString(), "run"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    Map<String, String> inherited = new HashMap<>(env);
    env.clear();
    env.put("PATH", inherited.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", inherited.getOrDefault("HOME", "/tmp"));
    env.put("DATABASE_URL", databaseUrl);
    // The engine is measured, not the HTTP server (idle, it costs nothing per event); several
    // workers on one host would also contend for port 3001.
    env.put("OUTBOX_HTTP_ENABLED", "0");
    // Passed on so that the cost of the per-event log line can be measured (OUTBOX_LOG_LEVEL=warn
    // leaves it out); unset, the workers log at the production default.
    String logLevel = inherited.get("OUTBOX_LOG_LEVEL");
    if (logLevel != null && !logLevel.isBlank()) {
      env.put("OUTBOX_LOG_LEVEL", logLevel);
    }
    env.putAll(variables);
    builder.redirectOutput(directory.resolve("worker-" + index + ".log").toFile());
    builder.redirectError(directory.resolve("worker-" + index + ".err").toFile());
    return builder.start();
  }

  /** The largest peak resident set (VmHWM) of the workers so far, in MB; -1 off Linux. */
  long peakRssMb() {
    long peak = -1;
    for (Process p : processes) {
      Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
      try (Stream<String> lines = Files.lines(status)) {
        peak =
            Math.max(
                peak,
                lines
                    .filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1));
      } catch (IOException | RuntimeException e) {
        // not Linux, or the process is gone
      }
    }
    return peak;
  }

  /** Lines of the workers' logs that contain {@code text}: proof that each event was logged. */
  long logLines(String text) throws IOException {
    long n = 0;
    for (int i = 0; i < processes.size(); i++) {
      try (Stream<String> lines =
          Files.lines(directory.resolve("worker-" + i + ".log"), StandardCharsets.UTF_8)) {
        n += lines.filter(l -> l.contains(text)).count();
      }
    }
    return n;
  }

  /** Fails when a worker has exited, with the end of its output. */
  void checkAlive() throws IOException {
    for (int i = 0; i < processes.size(); i++) {
      if (!processes.get(i).isAlive()) {
        throw new IllegalStateException(
            "worker exited with " + processes.get(i).exitValue() + ": " + tail(i));
      }
    }
  }

  /** Stops the workers and deletes their logs. */
  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(directory);
  }

  /**
   * SIGTERM, as systemd sends; waits for a graceful exit (which writes out the last buffered log
   * lines), then kills.
   */
  void stop() {
    processes.forEach(p -> p.toHandle().destroy());
    for (Process p : processes) {
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private String tail(int index) throws IOException {
    String err = Files.readString(directory.resolve("worker-" + index + ".err"));
    String out = Files.readString(directory.resolve("worker-" + index + ".log"));
    String all = out + err;
    return all.substring(Math.max(0, all.length() - 2000));
  }

  /** The jar this bench runs from. */
  private static Path jar() {
    try {
      Path jar = Path.of(Workers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("run the bench from the jar (bin/outbox-worker bench)");
      }
      return jar;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
