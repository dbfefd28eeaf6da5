package com.stonegate.outbox.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Gives each request's body a deadline, counted from when the request reaches the handlers: a read
 * after it, or one still waiting for bytes when it passes, fails, so the route answers 408 and a
 * client trickling its body holds a request thread for at most that long.
 *
 * <p>Jetty's own {@code MinimumDataRateHandler} divides the bytes read by <em>all</em> requests
 * since the server started by the time <em>this</em> request has waited, so on a server that has
 * read a few kilobytes it never trips, and slow bodies could hold every request thread.
 */
final class BodyDeadline extends Handler.Wrapper {
  private final Duration timeout;

  BodyDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long deadline = NanoTime.now() + timeout.toNanos();
    return super.handle(new Timed(request, deadline), response, callback);
  }

  private static final class Timed extends Request.Wrapper {
    private final long deadline;
    private volatile Content.Chunk failure;

    Timed(Request request, long deadline) {
      super(request);
      this.deadline = deadline;
    }

    @Override
    public Content.Chunk read() {
      if (failure == null && NanoTime.until(deadline) <= 0) {
        failure = Content.Chunk.from(new TimeoutException("request body not received in time"));
      }
      return failure != null ? failure : super.read();
    }

    /** Wakes the reader when bytes arrive or when the deadline passes, whichever is first. */
    @Override
    public void demand(Runnable onContent) {
      long left = NanoTime.until(deadline);
      if (failure != null || left <= 0) {
        onContent.run(); // read() answers the failure
        return;
      }
      AtomicBoolean woken = new AtomicBoolean();
      Runnable wake =
          () -> {
            if (woken.compareAndSet(false, true)) {
              onContent.run();
            }
          };
      Scheduler.Task timer =
          getComponents().getScheduler().schedule(wake, left, TimeUnit.NANOSECONDS);
      super.demand(
          () -> {
            timer.cancel();
            wake.run();
          });
    }
  }
}
