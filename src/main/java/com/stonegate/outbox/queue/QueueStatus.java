package com.stonegate.outbox.queue;

import java.util.Map;

/**
 * A snapshot of the queue for {@code status} and health checks.
 *
 * @param pending unfinished events
 * @param due pending events that may be claimed now
 * @param inFlight pending events under a live lease
 * @param retrying pending events that failed and wait for their next attempt
 * @param dead events that gave up
 * @param oldestPendingSeconds age of the oldest pending event; 0 when none
 * @param oldestDueSeconds age of the oldest due event; 0 when none
 * @param byType pending and dead counts per event type
 */
public record QueueStatus(
    long pending,
    long due,
    long inFlight,
    long retrying,
    long dead,
    double oldestPendingSeconds,
    double oldestDueSeconds,
    Map<String, TypeCounts> byType) {

  /** Pending and dead events of one type. */
  public record TypeCounts(long pending, long dead) {}
}
