package com.stonegate.outbox.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether this worker should receive traffic and count as healthy: the database answers, its poll
 * loop beats, and the queue is not backed up. Reads only the {@link SnapshotCache} and the loop's
 * beat, so a check costs no query.
 */
public final class Readiness {
  private final SnapshotCache snapshots;
  private final Supplier<Instant> loopBeat;
  private final Duration workerMaxAge;
  private final Duration queueMaxAge;
  private final Clock clock;

  /**
   * @param loopBeat the poll loop's last beat; null for a process without a loop ({@code serve})
   * @param workerMaxAge how old the loop's beat may be
   * @param queueMaxAge how old the oldest due event may be
   */
  public Readiness(
      SnapshotCache snapshots,
      Supplier<Instant> loopBeat,
      Duration workerMaxAge,
      Duration queueMaxAge,
      Clock clock) {
    this.snapshots = snapshots;
    this.loopBeat = loopBeat;
    this.workerMaxAge = workerMaxAge;
    this.queueMaxAge = queueMaxAge;
    this.clock = clock;
  }

  public ReadinessReport check() {
    Map<String, ReadinessReport.Check> checks = new LinkedHashMap<>();
    Optional<String> database = snapshots.databaseProblem();
    checks.put(
        "database", new ReadinessReport.Check(database.isEmpty(), database.orElse("answers")));
    checks.put("worker", worker());
    checks.put("queue", queue(database.isEmpty()));
    return new ReadinessReport(checks);
  }

  private ReadinessReport.Check worker() {
    if (loopBeat == null) {
      return new ReadinessReport.Check(true, "no poll loop (serve)");
    }
    Duration age = Duration.between(loopBeat.get(), clock.instant());
    return new ReadinessReport.Check(
        age.compareTo(workerMaxAge) <= 0,
        "poll loop beat " + age.toMillis() + " ms ago (max " + workerMaxAge.toMillis() + ")");
  }

  private ReadinessReport.Check queue(boolean databaseUp) {
    Optional<Snapshot> snapshot = snapshots.latest();
    if (!databaseUp || snapshot.isEmpty()) {
      return new ReadinessReport.Check(false, "unknown: the database does not answer");
    }
    long ageMs = (long) (snapshot.get().queue().oldestDueSeconds() * 1000);
    return new ReadinessReport.Check(
        ageMs < queueMaxAge.toMillis(),
        "oldest due event " + ageMs + " ms old (max " + queueMaxAge.toMillis() + ")");
  }
}
