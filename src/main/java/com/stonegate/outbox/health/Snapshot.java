package com.stonegate.outbox.health;

import com.stonegate.outbox.queue.QueueStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the database said at one moment: the source of readiness and of the queue gauges, taken
 * every few seconds by {@link SnapshotCache} however often they are asked.
 *
 * @param uncertainDeliveries deliveries left in doubt by a crashed worker; null where the delivery
 *     ledger does not exist
 * @param workers every instance's heartbeat
 */
public record Snapshot(
    QueueStatus queue, TableHealth table, Long uncertainDeliveries, List<Heartbeat> workers) {

  /** Instances whose heartbeat is fresh at {@code now}. */
  public long liveWorkers(Instant now) {
    return workers.stream().filter(w -> !w.stale(now)).count();
  }
}
