package com.stonegate.outbox.provider;

import java.util.concurrent.TimeUnit;

/**
 * Spaces calls evenly, at most {@code perSecond} starts per second across all threads: a burst of
 * events waits its turn instead of being refused by the provider (Twilio allows one message per
 * second per US long code).
 */
public final class Pacer {
  private final long intervalNanos;
  private long nextSlot = System.nanoTime();

  public Pacer(int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be positive");
    }
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
  }

  /** Blocks until this caller's slot comes. */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
