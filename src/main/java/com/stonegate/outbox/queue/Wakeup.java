package com.stonegate.outbox.queue;

import java.time.Duration;

/**
 * Lets the idle poll loop be woken early (an insert notification, a stop). Signals coalesce: a
 * thousand signals while the loop is busy cause one extra round, not a thousand.
 */
public final class Wakeup {
  private boolean signalled;

  public synchronized void signal() {
    signalled = true;
    notifyAll();
  }

  /** Waits until signalled or until {@code timeout} passes; clears the signal. */
  public synchronized void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!signalled) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    signalled = false;
  }
}
