package com.stonegate.outbox.queue;

import java.util.List;

/**
 * Told what the engine did, for metrics. Every method has a no-op default, so a listener overrides
 * only what it needs. Calls come from the engine's own threads in its hot path: an implementation
 * must be quick, thread-safe and must not block; whatever it throws is logged and ignored, never
 * allowed to change an event's outcome.
 */
public interface WorkerListener {
  /** Listens to nothing. */
  WorkerListener NONE = new WorkerListener() {};

  /**
   * One attempt at one event ended, before its outcome is recorded. Called on the handler thread,
   * once per attempt, for the poll loop and for {@link OutboxWorker#runOnce(int)} alike.
   */
  default void outcome(Outcome outcome) {}

  /**
   * A non-empty claim finished running: {@code outcomes} holds one outcome per event that was
   * started (fewer than {@code claimed} when a stop interrupted the batch). Empty claims are not
   * reported.
   */
  default void batchFinished(int claimed, List<Outcome> outcomes) {}
}
