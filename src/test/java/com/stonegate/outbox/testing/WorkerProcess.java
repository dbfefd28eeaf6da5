package com.stonegate.outbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The real worker, {@code target/outbox-worker.jar}, started as a child process, as an operator
 * would. Its output is collected as it comes; it can be signalled and killed.
 */
public final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();

  private WorkerProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), stdout);
    pump(process.getErrorStream(), stderr);
  }

  /**
   * Starts {@code java -jar target/outbox-worker.jar args} in {@code workDir} with only {@code
   * env}.
   */
  public static WorkerProcess start(Path workDir, Map<String, String> env, String... args) {
    Path jar = Path.of("target", "outbox-worker.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests with mvn verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> environment = builder.environment();
    Map<String, String> inherited = new HashMap<>(environment);
    environment.clear();
    environment.put("PATH", inherited.getOrDefault("PATH", "/usr/bin:/bin"));
    environment.put("HOME", inherited.getOrDefault("HOME", "/tmp"));
    environment.put("OUTBOX_LOG_FORMAT", "text");
    // A free loopback port for each polling worker, so parallel test runs never collide on 3001.
    environment.put("OUTBOX_HTTP_HOST", "127.0.0.1");
    environment.put("OUTBOX_HTTP_PORT", "0");
    environment.putAll(env);
    try {
      return new WorkerProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the exit and returns its code; fails the test when it takes longer. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("worker still running after " + timeout + "\n" + output());
    }
    return process.exitValue();
  }

  /**
   * SIGTERM, as systemd or pm2 would send. Through the process handle: {@code Process.destroy()}
   * would also close our ends of its output pipes.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL: a crash. */
  public void kill() {
    process.toHandle().destroyForcibly();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /**
   * The HTTP port from the start-up line {@code http: listening on host:port}; waits for the whole
   * line (output arrives in chunks).
   */
  public int httpPort(Duration timeout) {
    Pattern line = Pattern.compile("http: listening on [^ ]+:(\\d+)\\s");
    Integer port =
        Awaitility.await()
            .atMost(timeout)
            .until(
                () -> {
                  Matcher m = line.matcher(stdout);
                  return m.find() ? Integer.valueOf(m.group(1)) : null;
                },
                found -> found != null || !process.isAlive());
    if (port == null) {
      throw new AssertionError("exited before listening\n" + output());
    }
    return port;
  }

  public String stdout() {
    return stdout.toString();
  }

  public String stderr() {
    return stderr.toString();
  }

  public String output() {
    return "--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static void pump(InputStream in, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                  into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    t.setDaemon(true);
    t.start();
  }
}
