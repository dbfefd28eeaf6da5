package com.stonegate.outbox.health;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's heartbeat row fresh on its own thread, every interval, whatever the poll
 * loop is doing (the row also carries the loop's last beat). A failed write is logged once and
 * retried at the next beat. {@link #close()} deletes the row.
 */
public final class Heartbeats implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  /** Rows of instances silent this long are deleted (crashed long ago). */
  static final Duration FORGET_AFTER = Duration.ofDays(7);

  private final HeartbeatStore store;
  private final Heartbeat identity;
  private final Supplier<Instant> loopBeat;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private volatile boolean failing;

  /**
   * @param identity this instance; its interval is the beat interval
   * @param loopBeat the poll loop's last beat, or a supplier of null when there is no loop
   */
  public Heartbeats(
      HeartbeatStore store, Heartbeat identity, Supplier<Instant> loopBeat, Clock clock) {
    this.store = store;
    this.identity = identity;
    this.loopBeat = loopBeat;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /** The identity of this process: host and pid from the OS, started now. */
  public static Heartbeat identity(
      String instanceId, String mode, String version, Duration interval, Clock clock) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    Instant now = clock.instant();
    long pid = ProcessHandle.current().pid();
    return new Heartbeat(instanceId, host, pid, version, mode, now, now, null, interval);
  }

  /** Beats now, then every interval. */
  public void start() {
    long ms = identity.interval().toMillis();
    timer.scheduleWithFixedDelay(this::beat, 0, ms, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::forgetOld, 0, 1, TimeUnit.HOURS);
  }

  /** Writes the row once; never throws. */
  void beat() {
    try {
      store.beat(identity.beating(clock.instant(), loopBeat.get()));
      if (failing) {
        failing = false;
        log.info("heartbeat of {} written again", identity.instanceId());
      }
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("cannot write the heartbeat of {}: {}", identity.instanceId(), e.toString());
      }
    }
  }

  private void forgetOld() {
    try {
      int forgotten = store.forgetSilentSince(clock.instant().minus(FORGET_AFTER));
      if (forgotten > 0) {
        log.info(
            "forgot {} worker instances silent for over {} days", forgotten, FORGET_AFTER.toDays());
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("cannot forget old heartbeats: {}", e.toString());
    }
  }

  /** Stops beating and deletes this instance's row, so {@code status} does not call it stale. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      store.remove(identity.instanceId());
    } catch (SQLException | RuntimeException e) {
      log.warn("cannot delete the heartbeat of {}: {}", identity.instanceId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
