package com.stonegate.outbox.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Runs the events of one claim on a shared pool of handler threads: events run side by side, except
 * that events with the same ordering key run one after another in queue order. Turns whatever a
 * handler returns or throws into an {@link Outcome}, and logs one line per event.
 */
public final class BatchRunner {
  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

  /**
   * A handler that took less than this the last time waits on no network worth overlapping: a
   * database round trip alone takes longer. Its events run on the lanes already awake (decision
   * 18).
   */
  private static final Duration QUICK = Duration.ofNanos(100_000);

  private final Handlers handlers;
  private final RetryPolicy retryPolicy;
  private final ExecutorService pool;
  private final int concurrency;
  private final Clock clock;
  private final WorkerListener listener;

  /** How long each type's handler took the last time it ran: one entry per registered type. */
  private final Map<String, Duration> lastTook = new ConcurrentHashMap<>();

  /**
   * @param pool handler threads, shared by every batch
   * @param concurrency at most this many events of one batch run at once: the calling thread's and
   *     up to {@code concurrency - 1} of the pool's
   * @param listener told of every outcome and of every non-empty batch ({@link WorkerListener#NONE}
   *     for none)
   */
  public BatchRunner(
      Handlers handlers,
      RetryPolicy retryPolicy,
      ExecutorService pool,
      int concurrency,
      Clock clock,
      WorkerListener listener) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.handlers = handlers;
    this.retryPolicy = retryPolicy;
    this.pool = pool;
    this.concurrency = concurrency;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Runs the events and returns their outcomes once all have finished. Once {@code stopping} turns
   * true no further event is started; those have no outcome and are the caller's to release.
   */
  public List<Outcome> run(List<OutboxEvent> events, BooleanSupplier stopping) {
    Lanes lanes = new Lanes(sequences(events), stopping);
    lanes.lane(); // the calling thread is the first lane
    lanes.await();
    List<Outcome> finished = List.copyOf(lanes.outcomes);
    tell(() -> listener.batchFinished(events.size(), finished));
    return finished;
  }

  /**
   * The sequences of one batch and the lanes that take them one by one: the calling thread, and
   * tasks on the handler pool. A lane starting its first slow sequence while more are waiting adds
   * one more lane: slow handlers soon run side by side, up to {@code concurrency}. A sequence is
   * slow unless each of its types took less than {@link #QUICK} the last time; quick ones are done
   * by the lanes already awake instead of waking a thread each. A quick type that turns slow holds
   * up its lane for one event, after which that lane adds a helper.
   */
  private final class Lanes {
    final Queue<List<OutboxEvent>> waiting;
    final BooleanSupplier stopping;
    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Queue<CompletableFuture<Void>> running = new ConcurrentLinkedQueue<>();
    final AtomicInteger lanes = new AtomicInteger(1);

    Lanes(List<List<OutboxEvent>> sequences, BooleanSupplier stopping) {
      this.waiting = new ConcurrentLinkedQueue<>(sequences);
      this.stopping = stopping;
    }

    void lane() {
      boolean helped = false;
      for (List<OutboxEvent> sequence; (sequence = waiting.poll()) != null; ) {
        if (!helped
            && !waiting.isEmpty()
            && !quick(sequence)
            && lanes.incrementAndGet() <= concurrency) {
          helped = true;
          running.add(CompletableFuture.runAsync(this::lane, pool));
        }
        for (OutboxEvent event : sequence) {
          if (stopping.getAsBoolean()) {
            return;
          }
          outcomes.add(runOne(event));
        }
      }
    }

    /** A lane adds its helper before it ends, so this sees every lane. */
    void await() {
      for (CompletableFuture<Void> lane; (lane = running.poll()) != null; ) {
        lane.join();
      }
    }
  }

  /** Each event is skipped at once (no handler) or has a handler that was quick the last time. */
  private boolean quick(List<OutboxEvent> sequence) {
    for (OutboxEvent event : sequence) {
      Duration took = lastTook.get(event.type());
      boolean quick =
          took == null ? handlers.forType(event.type()) == null : took.compareTo(QUICK) < 0;
      if (!quick) {
        return false;
      }
    }
    return true;
  }

  /** Groups events that must not overlap; each group keeps queue order. */
  private List<List<OutboxEvent>> sequences(List<OutboxEvent> events) {
    Map<Object, List<OutboxEvent>> byKey = new LinkedHashMap<>();
    for (OutboxEvent event : events) {
      EventHandler handler = handlers.forType(event.type());
      String key = handler == null ? null : orderingKey(handler, event);
      // Keys are shared across types: estimate.requested and estimate.rescheduled of one
      // appointment must not overtake each other.
      Object group = key == null ? event.id() : key;
      byKey.computeIfAbsent(group, g -> new ArrayList<>()).add(event);
    }
    return new ArrayList<>(byKey.values());
  }

  private static String orderingKey(EventHandler handler, OutboxEvent event) {
    try {
      return handler.orderingKey(event);
    } catch (RuntimeException e) {
      return null; // a payload too broken to name a key runs on its own
    }
  }

  /** One attempt at one event; never throws. The event's id and type are in the MDC meanwhile. */
  Outcome runOne(OutboxEvent event) {
    long started = System.nanoTime();
    MDC.put("eventId", event.id().toString());
    MDC.put("eventType", event.type());
    try {
      Outcome outcome = attempt(event, started);
      logOutcome(outcome);
      tell(() -> listener.outcome(outcome));
      return outcome;
    } finally {
      MDC.remove("eventId");
      MDC.remove("eventType");
    }
  }

  private Outcome attempt(OutboxEvent event, long started) {
    EventHandler handler = handlers.forType(event.type());
    if (handler == null) {
      return outcome(event, Outcome.Status.SKIPPED, "unknown_type", null, started);
    }
    if (event.payload().isMissingNode()) {
      return outcome(event, Outcome.Status.SKIPPED, "unreadable_payload", null, started);
    }
    try {
      Handled handled = handler.handle(event);
      return handled.skipped()
          ? outcome(event, Outcome.Status.SKIPPED, handled.skipReason(), null, started)
          : outcome(event, Outcome.Status.PROCESSED, null, null, started);
    } catch (PermanentFailure e) {
      return outcome(event, Outcome.Status.DEAD, describe(e), null, started);
    } catch (RetryLater e) {
      return failed(event, describe(e), e.at(), started);
    } catch (Exception | StackOverflowError e) {
      return failed(event, describe(e), null, started);
    } finally {
      lastTook.put(event.type(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** A failure: retried by the policy (or at {@code at}), dead when the attempts are used up. */
  private Outcome failed(OutboxEvent event, String error, Instant at, long started) {
    Instant now = clock.instant();
    return retryPolicy
        .next(event.attempt(), now, ThreadLocalRandom.current().nextDouble())
        .map(next -> at != null && at.isAfter(now) ? at : next)
        .map(next -> outcome(event, Outcome.Status.RETRY, error, next, started))
        .orElseGet(() -> outcome(event, Outcome.Status.DEAD, error, null, started));
  }

  private static Outcome outcome(
      OutboxEvent event, Outcome.Status status, String detail, Instant retryAt, long started) {
    return new Outcome(
        event, status, detail, retryAt, Duration.ofNanos(System.nanoTime() - started));
  }

  /** A listener's failure is logged; it never changes an outcome or stops a batch. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("worker listener failed: {}", e.toString());
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private void logOutcome(Outcome o) {
    Level level =
        o.status() == Outcome.Status.DEAD
            ? Level.ERROR
            : o.status() == Outcome.Status.RETRY ? Level.WARN : Level.INFO;
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    // Concatenated rather than a "{}" pattern: slf4j's formatter took about 1.7 µs of a draining
    // worker's 14 µs per event (README, Performance).
    String message =
        o.event().type()
            + " "
            + o.status().label()
            + " attempt "
            + o.event().attempt()
            + "/"
            + retryPolicy.maxAttempts()
            + " in "
            + o.took().toMillis()
            + " ms"
            + (o.detail() == null ? "" : ": " + o.detail());
    log.atLevel(level)
        .addKeyValue("outcome", o.status().label())
        .addKeyValue("attempt", o.event().attempt())
        .addKeyValue("maxAttempts", retryPolicy.maxAttempts())
        .addKeyValue("durationMs", o.took().toMillis())
        .addKeyValue("reason", o.detail())
        .addKeyValue("retryAt", o.retryAt())
        .log(message);
  }
}
