package com.stonegate.outbox.queue;

/**
 * Does the work of one event type.
 *
 * <p>Delivery is at least once: an event can be handled again after a crash, a lost lease or a
 * failed attempt, so a handler must be idempotent (the notification ledger makes sends so).
 *
 * <p>Returning means done: {@link Handled#processed()}, or {@link Handled#skipped(String)} when
 * there was nothing to do. Any exception means "try again" by the retry policy, until the attempts
 * run out; {@link PermanentFailure} means the event is dead now; {@link RetryLater} means try again
 * at the given time (a provider's {@code Retry-After}). No transaction is open while a handler
 * runs.
 */
@FunctionalInterface
public interface EventHandler {
  Handled handle(OutboxEvent event) throws Exception;

  /**
   * Events of one batch with the same key run one after another in queue order; null (the default)
   * lets the event run alongside any other.
   */
  default String orderingKey(OutboxEvent event) {
    return null;
  }
}
