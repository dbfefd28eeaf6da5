package com.stonegate.outbox.metrics;

import com.stonegate.outbox.health.Snapshot;
import com.stonegate.outbox.health.SnapshotCache;
import com.stonegate.outbox.health.TableHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the queue, the table and the worker instances, read from the {@link SnapshotCache}: a
 * scrape never queries the database. Values are the latest answer; NaN before the first.
 */
public final class QueueGauges {
  private final SnapshotCache snapshots;
  private final Clock clock;

  private QueueGauges(SnapshotCache snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /** Registers every gauge on {@code registry}. */
  public static void register(MeterRegistry registry, SnapshotCache snapshots, Clock clock) {
    QueueGauges g = new QueueGauges(snapshots, clock);
    g.gauge(registry, "outbox.events.pending", "Unfinished events", s -> s.queue().pending());
    g.gauge(registry, "outbox.events.due", "Events that may be claimed now", s -> s.queue().due());
    g.gauge(
        registry,
        "outbox.events.in_flight",
        "Events under a live lease",
        s -> s.queue().inFlight());
    g.gauge(registry, "outbox.events.retrying", "Failed events waiting", s -> s.queue().retrying());
    g.gauge(registry, "outbox.events.dead", "Events that gave up", s -> s.queue().dead());
    g.seconds(registry, "outbox.events.oldest.pending.age", s -> s.queue().oldestPendingSeconds());
    g.seconds(registry, "outbox.events.oldest.due.age", s -> s.queue().oldestDueSeconds());
    g.gauge(registry, "outbox.deliveries.uncertain", "Deliveries in doubt", QueueGauges::uncertain);
    g.gauge(registry, "outbox.events.table.dead.tuples", "n_dead_tup", s -> s.table().deadTuples());
    g.gauge(registry, "outbox.events.table.live.tuples", "n_live_tup", s -> s.table().liveTuples());
    g.seconds(registry, "outbox.events.table.autovacuum.age", g::sinceAutovacuum);
    g.gauge(
        registry, "outbox.workers.live", "Fresh heartbeats", s -> s.liveWorkers(clock.instant()));
    g.gauge(registry, "outbox.workers.stale", "Stale heartbeats", g::staleWorkers);
    Gauge.builder("outbox.database.up", snapshots, c -> c.databaseProblem().isEmpty() ? 1 : 0)
        .description("1 while the database answers the worker's probes, 0 otherwise")
        .register(registry);
  }

  /** {@code outbox_worker_loop_beat_age_seconds}: how long ago the poll loop last beat. */
  public static void registerLoopBeat(
      MeterRegistry registry, Supplier<Instant> loopBeat, Clock clock) {
    Gauge.builder(
            "outbox.worker.loop.beat.age",
            loopBeat,
            beat -> Duration.between(beat.get(), clock.instant()).toMillis() / 1000.0)
        .description("Seconds since this worker's poll loop last reached the database")
        .baseUnit("seconds")
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry, String name, String help, ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, snapshots, c -> c.latest().map(value::applyAsDouble).orElse(Double.NaN))
        .description(help)
        .register(registry);
  }

  private void seconds(MeterRegistry registry, String name, ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, snapshots, c -> c.latest().map(value::applyAsDouble).orElse(Double.NaN))
        .baseUnit("seconds")
        .register(registry);
  }

  private static double uncertain(Snapshot s) {
    return s.uncertainDeliveries() == null ? Double.NaN : s.uncertainDeliveries();
  }

  private double sinceAutovacuum(Snapshot s) {
    TableHealth t = s.table();
    Instant last = t.lastAutovacuum();
    return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
  }

  private double staleWorkers(Snapshot s) {
    return s.workers().size() - s.liveWorkers(clock.instant());
  }
}
