package com.stonegate.outbox.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several polling workers ({@code run}) on one database, started, killed and replaced as a test
 * says. Remembers every process it started, so a test can tell a worker it killed from one that
 * died by itself.
 */
public final class WorkerFleet implements AutoCloseable {
  private final Path workDir;
  private final Map<String, String> env;
  private final List<WorkerProcess> started = new ArrayList<>();
  private final List<WorkerProcess> stopped = new ArrayList<>();

  public WorkerFleet(Path workDir, Map<String, String> env) {
    this.workDir = workDir;
    this.env = Map.copyOf(env);
  }

  /** Starts one more worker. */
  public synchronized WorkerProcess start() {
    WorkerProcess worker = WorkerProcess.start(workDir, env, "run");
    started.add(worker);
    return worker;
  }

  /** SIGKILL: a crash. */
  public synchronized void kill(WorkerProcess worker) {
    stopped.add(worker);
    worker.kill();
  }

  /** SIGTERM, then the exit code once it has stopped within the grace period. */
  public int terminate(WorkerProcess worker, Duration timeout) throws InterruptedException {
    synchronized (this) {
      stopped.add(worker);
    }
    worker.terminate();
    return worker.waitFor(timeout);
  }

  /** Workers started and neither killed nor terminated by the test. */
  public synchronized List<WorkerProcess> running() {
    return started.stream().filter(w -> !stopped.contains(w)).toList();
  }

  /** Workers that exited although the test never stopped them: none, in every test. */
  public synchronized List<WorkerProcess> unexpectedExits() {
    return running().stream().filter(w -> !w.alive()).toList();
  }

  /** The last lines of every worker's output, for a failure message. */
  public synchronized String tails(int lines) {
    return started.stream()
        .map(w -> "=== worker " + w.pid() + (w.alive() ? "" : " (exited)") + "\n" + tail(w, lines))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public synchronized void close() {
    started.forEach(WorkerProcess::close);
  }

  private static String tail(WorkerProcess worker, int lines) {
    String[] all = worker.output().split("\n");
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
