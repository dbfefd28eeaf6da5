package com.stonegate.outbox.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Awaitility waits whose failure message ends with diagnostics taken when the wait times out: a
 * worker's output at that moment, where {@code .alias(worker.output())} would show the output from
 * when the wait began.
 */
public final class Await {
  private static final String UNFINISHED =
      "SELECT count(*) FROM outbox_events WHERE processed_at IS NULL";

  private Await() {}

  /** Waits as {@code wait} is set up (timeout, poll interval, uncaught exceptions, …). */
  public static void until(
      ConditionFactory wait, Callable<Boolean> condition, Supplier<String> diagnostics) {
    try {
      wait.until(condition);
    } catch (ConditionTimeoutException e) {
      throw timedOut(e, diagnostics);
    }
  }

  /** Waits as {@code wait} is set up until {@code supplier}'s value matches; returns that value. */
  public static <T> T until(
      ConditionFactory wait,
      Callable<T> supplier,
      Predicate<? super T> predicate,
      Supplier<String> diagnostics) {
    try {
      return wait.until(supplier, predicate);
    } catch (ConditionTimeoutException e) {
      throw timedOut(e, diagnostics);
    }
  }

  /**
   * Until no event is left unfinished, polling every {@code poll} for at most {@code atMost}; an
   * exception on another thread of the test does not end the wait (workers run in processes).
   */
  public static void drained(
      Sql sql, Duration atMost, Duration poll, Supplier<String> diagnostics) {
    drained(
        await().dontCatchUncaughtExceptions().atMost(atMost).pollInterval(poll), sql, diagnostics);
  }

  /** Until no event in {@code outbox_events} is left unfinished ({@code processed_at IS NULL}). */
  public static void drained(ConditionFactory wait, Sql sql, Supplier<String> diagnostics) {
    until(wait, () -> sql.count(UNFINISHED) == 0, diagnostics);
  }

  private static AssertionError timedOut(
      ConditionTimeoutException e, Supplier<String> diagnostics) {
    return new AssertionError(e.getMessage() + "\n" + diagnostics.get(), e);
  }
}
