package com.stonegate.outbox.metrics;

import com.stonegate.outbox.queue.Outcome;
import com.stonegate.outbox.queue.WorkerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the engine did, as metrics: {@code outbox_events_finished_total{type,outcome}}, {@code
 * outbox_handler_duration_seconds{type}} and {@code outbox_batch_size}. Meters are looked up once
 * per type and outcome, so the hot path costs a map read and an increment.
 */
public final class EngineMetrics implements WorkerListener {
  private static final Duration[] HANDLER_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    Duration.ofSeconds(60), Duration.ofMinutes(5)
  };
  private static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

  private final MeterRegistry registry;
  private final Set<String> knownTypes;

  /** Per type: one counter per {@link Outcome.Status}, by ordinal; no allocation per event. */
  private final ConcurrentMap<String, Counter[]> finished = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Timer> durations = new ConcurrentHashMap<>();
  private final DistributionSummary batchSize;

  /**
   * @param knownTypes the types the worker has handlers for; others are counted as {@code other}
   */
  public EngineMetrics(MeterRegistry registry, Set<String> knownTypes) {
    this.registry = registry;
    this.knownTypes = Set.copyOf(knownTypes);
    this.batchSize =
        DistributionSummary.builder("outbox.batch.size")
            .description("Events claimed per non-empty batch (poll loop and admin dispatch)")
            .serviceLevelObjectives(BATCH_BUCKETS)
            .register(registry);
    // Known series start at 0, so rate() and increase() see the first event too.
    this.knownTypes.forEach(type -> finished.computeIfAbsent(type, this::finishedCounters));
  }

  @Override
  public void outcome(Outcome outcome) {
    String type = MetricNames.eventType(outcome.event().type(), knownTypes);
    finished.computeIfAbsent(type, this::finishedCounters)[outcome.status().ordinal()].increment();
    durations.computeIfAbsent(type, this::durationTimer).record(outcome.took());
  }

  @Override
  public void batchFinished(int claimed, List<Outcome> outcomes) {
    batchSize.record(claimed);
  }

  private Counter[] finishedCounters(String type) {
    Outcome.Status[] statuses = Outcome.Status.values();
    Counter[] counters = new Counter[statuses.length];
    for (Outcome.Status status : statuses) {
      counters[status.ordinal()] =
          Counter.builder("outbox.events.finished")
              .description(
                  "Attempts at events by type and outcome (processed, skipped, retry, dead)")
              .tags("type", type, "outcome", status.label())
              .register(registry);
    }
    return counters;
  }

  private Timer durationTimer(String type) {
    return Timer.builder("outbox.handler.duration")
        .description("How long handlers ran, by event type")
        .tags("type", type)
        .serviceLevelObjectives(HANDLER_BUCKETS)
        .register(registry);
  }
}
