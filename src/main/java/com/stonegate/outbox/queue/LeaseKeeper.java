package com.stonegate.outbox.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of events whose handlers are still running, so a slow but live handler is never
 * taken over, while the events of a worker that died are taken over once its leases run out.
 */
final class LeaseKeeper {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  private final OutboxStore store;
  private final Duration lease;
  private final Clock clock;
  private final Map<String, List<UUID>> held = new ConcurrentHashMap<>();

  LeaseKeeper(OutboxStore store, Duration lease, Clock clock) {
    this.store = store;
    this.lease = lease;
    this.clock = clock;
  }

  void hold(String owner, List<UUID> ids) {
    held.put(owner, ids);
  }

  void drop(String owner) {
    held.remove(owner);
  }

  /** How often {@link #renew()} should run: three renewals fit in one lease. */
  Duration interval() {
    return lease.dividedBy(3);
  }

  /** Extends every held lease by a full lease from now. */
  void renew() {
    held.forEach(
        (owner, ids) -> {
          try {
            int kept = store.extendLeases(owner, ids, clock.instant().plus(lease));
            if (kept < ids.size()) {
              log.warn("{} of {} leases of {} were lost", ids.size() - kept, ids.size(), owner);
            }
          } catch (Exception e) {
            log.warn("could not renew the leases of {}: {}", owner, e.toString());
          }
        });
  }

  /** Gives back whatever is still held; the events are due again at once. */
  void releaseAll() {
    held.forEach(
        (owner, ids) -> {
          try {
            int released = store.release(owner, ids);
            log.info("released {} unfinished events of {}", released, owner);
          } catch (Exception e) {
            log.warn("could not release the leases of {}; they expire by themselves", owner, e);
          }
        });
    held.clear();
  }
}
