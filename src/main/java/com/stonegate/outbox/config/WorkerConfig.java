package com.stonegate.outbox.config;

import java.time.Duration;

/**
 * How the queue engine behaves. Each field names its variable and default.
 *
 * @param batchSize {@code OUTBOX_BATCH_SIZE}: events claimed per cycle. Defaults to 10 (1–1000).
 * @param pollInterval {@code OUTBOX_POLL_INTERVAL_MS}: wait between cycles when the queue is idle;
 *     zero runs one batch and exits. Defaults to 0.
 * @param concurrency {@code OUTBOX_CONCURRENCY}: events of one batch handled at once. Defaults to
 *     the batch size (1–1000).
 * @param maxAttempts {@code OUTBOX_MAX_ATTEMPTS}: attempts before an event is dead. Defaults to 8.
 * @param retryBase {@code OUTBOX_RETRY_BASE_MS}: first retry delay, doubled per attempt. Defaults
 *     to 5 s.
 * @param retryMax {@code OUTBOX_RETRY_MAX_MS}: longest retry delay. Defaults to 1 h.
 * @param lease {@code OUTBOX_LEASE_MS}: how long a claim lasts unless renewed; a dead worker's
 *     events are taken over after it. Defaults to 5 min.
 * @param migrate {@code OUTBOX_MIGRATE}: apply migrations at start-up. Defaults to 1.
 * @param heartbeatInterval {@code OUTBOX_HEARTBEAT_INTERVAL_MS}: the idle poller's alive line.
 *     Defaults to 30 s.
 * @param shutdownGrace {@code OUTBOX_SHUTDOWN_GRACE_MS}: how long SIGTERM waits for running
 *     handlers. Defaults to 30 s.
 */
public record WorkerConfig(
    int batchSize,
    Duration pollInterval,
    int concurrency,
    int maxAttempts,
    Duration retryBase,
    Duration retryMax,
    Duration lease,
    boolean migrate,
    Duration heartbeatInterval,
    Duration shutdownGrace) {

  static final long DAY_MS = 86_400_000L;

  public WorkerConfig {
    if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batch size, concurrency and attempts must be positive");
    }
    if (pollInterval.isNegative() || retryBase.isNegative() || retryMax.compareTo(retryBase) < 0) {
      throw new IllegalArgumentException("negative interval, or retry maximum below its base");
    }
    if (lease.toMillis() < 1000 || heartbeatInterval.toMillis() < 1) {
      throw new IllegalArgumentException("lease under a second");
    }
  }

  /** The defaults of the table above, for tests and tools that build one by hand. */
  public static WorkerConfig defaults() {
    return from(new Env(java.util.Map.of()));
  }

  public static WorkerConfig from(Env env) {
    int batchSize = env.integer("OUTBOX_BATCH_SIZE", 10, 1, 1000);
    Duration retryBase = env.millis("OUTBOX_RETRY_BASE_MS", 5_000, 1, DAY_MS);
    Duration retryMax = env.millis("OUTBOX_RETRY_MAX_MS", 3_600_000, 1, 7 * DAY_MS);
    if (retryMax.compareTo(retryBase) < 0) {
      env.problem(
          "OUTBOX_RETRY_MAX_MS",
          String.valueOf(retryMax.toMillis()),
          "expected at least OUTBOX_RETRY_BASE_MS (" + retryBase.toMillis() + ")");
      retryMax = retryBase;
    }
    return new WorkerConfig(
        batchSize,
        env.millis("OUTBOX_POLL_INTERVAL_MS", 0, 0, DAY_MS),
        env.integer("OUTBOX_CONCURRENCY", batchSize, 1, 1000),
        env.integer("OUTBOX_MAX_ATTEMPTS", 8, 1, 100),
        retryBase,
        retryMax,
        env.millis("OUTBOX_LEASE_MS", 300_000, 1_000, DAY_MS),
        env.flag("OUTBOX_MIGRATE", true),
        env.millis("OUTBOX_HEARTBEAT_INTERVAL_MS", 30_000, 1_000, DAY_MS),
        env.millis("OUTBOX_SHUTDOWN_GRACE_MS", 30_000, 0, DAY_MS));
  }

  /** Whether the worker polls (true) or runs one batch and exits (false). */
  public boolean polling() {
    return !pollInterval.isZero();
  }
}
