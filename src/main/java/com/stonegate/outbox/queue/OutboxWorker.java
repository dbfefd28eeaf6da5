package com.stonegate.outbox.queue;

import com.stonegate.outbox.config.WorkerConfig;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim-and-dispatch loop. {@link #runOnce(int)} claims one batch, runs it and records the
 * outcomes; {@link #run()} repeats that until {@link #stop()}, at once after a full batch and
 * otherwise after the poll interval or a {@link #wake()}. Safe beside any number of other workers
 * and beside concurrent {@link #runOnce(int)} calls (the admin endpoint): each claim holds its own
 * lease, and outcomes are recorded only while it is held.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration MAX_DATABASE_BACKOFF = Duration.ofSeconds(30);

  /**
   * Batches of the poll loop whose outcomes may be being recorded at once. An outcome statement
   * waits for the disk (its commit); with two in flight the claiming thread seldom waits for one,
   * and a third gains nothing (docs/decisions/0019).
   */
  private static final int RECORDERS = 2;

  private final OutboxStore store;
  private final BatchRunner runner;
  private final WorkerConfig config;
  private final Clock clock;
  private final Consumer<BatchSummary> reporter;
  private final String instanceId = newInstanceId();
  private final AtomicLong claims = new AtomicLong();
  private final LeaseKeeper leases;
  private final Wakeup wakeup = new Wakeup();
  private final ScheduledExecutorService timer;
  private final ExecutorService recorders =
      Executors.newFixedThreadPool(RECORDERS, daemon("outbox-recorder"));
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile Instant lastBeat;

  /**
   * @param reporter receives the summary of every non-empty batch of the poll loop
   */
  public OutboxWorker(
      OutboxStore store,
      BatchRunner runner,
      WorkerConfig config,
      Clock clock,
      Consumer<BatchSummary> reporter) {
    this.store = store;
    this.runner = runner;
    this.config = config;
    this.clock = clock;
    this.reporter = reporter;
    this.leases = new LeaseKeeper(store, config.lease(), clock);
    this.lastBeat = clock.instant();
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("outbox-leases"));
    long renewMs = leases.interval().toMillis();
    timer.scheduleWithFixedDelay(leases::renew, renewMs, renewMs, TimeUnit.MILLISECONDS);
  }

  /** Claims at most {@code limit} due events, runs them and records their outcomes. */
  public BatchSummary runOnce(int limit) throws SQLException {
    Ran ran = claimAndRun(limit);
    return ran == null ? BatchSummary.EMPTY : record(ran);
  }

  /**
   * Polls until {@link #stop()}; survives a lost database, retrying with backoff. While one batch's
   * outcomes are being recorded the next batch is claimed and run, so the database and the handlers
   * work side by side; at most {@value #RECORDERS} batches wait to be recorded.
   */
  public void run() {
    int failures = 0;
    Instant nextHeartbeat = clock.instant().plus(config.heartbeatInterval());
    long handled = 0;
    Deque<CompletableFuture<Void>> recording = new ArrayDeque<>(RECORDERS);
    while (!stopping) {
      Duration wait = config.pollInterval();
      try {
        Ran ran = claimAndRun(config.batchSize());
        failures = 0;
        lastBeat = clock.instant();
        if (ran != null) {
          handled += ran.outcomes().size();
          if (recording.size() == RECORDERS) {
            recording.removeFirst().join();
          }
          recording.addLast(
              CompletableFuture.runAsync(() -> reporter.accept(record(ran)), recorders));
          if (ran.events().size() == config.batchSize()) {
            continue; // a full batch: more is probably waiting
          }
        }
      } catch (SQLException | RuntimeException e) {
        wait = databaseBackoff(++failures);
        log.warn("cannot reach the database, retrying in {} ms: {}", wait.toMillis(), e.toString());
      }
      if (!clock.instant().isBefore(nextHeartbeat)) {
        log.info(
            "worker {} alive, {} events handled since the last heartbeat", instanceId, handled);
        nextHeartbeat = clock.instant().plus(config.heartbeatInterval());
        handled = 0;
      }
      try {
        wakeup.await(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    recording.forEach(CompletableFuture::join);
    stopped.countDown();
  }

  /** Claims at once instead of waiting out the poll interval (an insert was announced). */
  public void wake() {
    wakeup.signal();
  }

  /** Stops claiming; running handlers finish, unstarted events of the batch are released. */
  public void stop() {
    stopping = true;
    wakeup.signal();
  }

  /** Waits for {@link #run()} to return; false when it did not within {@code timeout}. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** This worker's name in lease owners, logs and heartbeats: host, pid and a random suffix. */
  public String instanceId() {
    return instanceId;
  }

  /** When the poll loop last reached the database. */
  public Instant lastBeat() {
    return lastBeat;
  }

  /** Gives back the leases of handlers still running (after the grace period) and stops timers. */
  @Override
  public void close() {
    stopping = true;
    timer.shutdownNow();
    recorders.shutdownNow();
    leases.releaseAll();
  }

  /** One claim whose handlers have run: what is left to do is record it. */
  private record Ran(String owner, List<OutboxEvent> events, List<Outcome> outcomes) {}

  /** Claims and runs a batch under a fresh lease owner; null when nothing was due. */
  private Ran claimAndRun(int limit) throws SQLException {
    String owner = instanceId + "#" + claims.incrementAndGet();
    Instant now = clock.instant();
    List<OutboxEvent> events = store.claimDue(owner, limit, now, now.plus(config.lease()));
    if (events.isEmpty()) {
      return null;
    }
    leases.hold(owner, events.stream().map(OutboxEvent::id).collect(Collectors.toList()));
    try {
      return new Ran(owner, events, runner.run(events, () -> stopping));
    } catch (RuntimeException | Error e) {
      leases.drop(owner);
      throw e;
    }
  }

  /** Records the outcomes, gives back the events a stop left unstarted, lets go of the leases. */
  private BatchSummary record(Ran ran) {
    try {
      recordOutcomes(ran.owner(), ran.outcomes());
      releaseUnstarted(ran.owner(), ran.events(), ran.outcomes());
    } catch (SQLException e) {
      log.warn("could not release the unstarted events of {}: {}", ran.owner(), e.toString());
    } finally {
      leases.drop(ran.owner());
    }
    return BatchSummary.of(ran.outcomes());
  }

  /**
   * Records outcomes, retrying through a short database outage for as long as the lease lasts;
   * after that the events are taken over and run again, which the delivery ledger makes harmless.
   */
  private void recordOutcomes(String owner, List<Outcome> outcomes) {
    Instant giveUp = clock.instant().plus(config.lease());
    Duration delay = Duration.ofMillis(100);
    while (true) {
      try {
        int recorded = store.finish(owner, outcomes, clock.instant());
        if (recorded < outcomes.size()) {
          log.warn("{} outcomes of {} discarded: lease lost", outcomes.size() - recorded, owner);
        }
        return;
      } catch (SQLException e) {
        if (clock.instant().plus(delay).isAfter(giveUp)) {
          log.error(
              "could not record {} outcomes of {}; they will run again", outcomes.size(), owner, e);
          return;
        }
        log.warn(
            "could not record outcomes of {}, retrying in {} ms: {}",
            owner,
            delay.toMillis(),
            e.toString());
        if (!sleep(delay)) {
          return;
        }
        delay = min(delay.multipliedBy(2), MAX_DATABASE_BACKOFF);
      }
    }
  }

  private void releaseUnstarted(String owner, List<OutboxEvent> events, List<Outcome> outcomes)
      throws SQLException {
    if (outcomes.size() == events.size()) {
      return;
    }
    Set<UUID> unstarted = events.stream().map(OutboxEvent::id).collect(Collectors.toSet());
    outcomes.forEach(o -> unstarted.remove(o.event().id()));
    store.release(owner, unstarted);
  }

  private static Duration databaseBackoff(int failures) {
    return min(Duration.ofMillis(500L << Math.min(failures - 1, 6)), MAX_DATABASE_BACKOFF);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** False when interrupted. */
  private static boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static String newInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    long pid = ProcessHandle.current().pid();
    return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
  }
}
