package com.stonegate.outbox.health;

import java.time.Duration;
import java.time.Instant;

/**
 * One worker process as its heartbeat row records it.
 *
 * @param instanceId host, pid and a random suffix: the prefix of its lease owners
 * @param mode {@code run} (polling) or {@code serve} (HTTP only)
 * @param lastBeatAt when the process last wrote its row
 * @param loopBeatAt when its poll loop last reached the database; null for {@code serve}
 * @param interval how often it writes its row
 */
public record Heartbeat(
    String instanceId,
    String host,
    long pid,
    String version,
    String mode,
    Instant startedAt,
    Instant lastBeatAt,
    Instant loopBeatAt,
    Duration interval) {

  /** Missed beats after which an instance counts as stale (crashed, hung or cut off). */
  public static final int MISSED_BEATS = 3;

  /** True when the row has not been refreshed for {@link #MISSED_BEATS} intervals. */
  public boolean stale(Instant now) {
    return lastBeatAt.plus(interval.multipliedBy(MISSED_BEATS)).isBefore(now);
  }

  public Heartbeat beating(Instant now, Instant loopBeat) {
    return new Heartbeat(instanceId, host, pid, version, mode, startedAt, now, loopBeat, interval);
  }
}
