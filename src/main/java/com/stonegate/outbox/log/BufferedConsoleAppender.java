package com.stonegate.outbox.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The console appender of the worker's log: like logback's {@code ConsoleAppender}, but lines
 * collect in a 64 KB buffer instead of costing one {@code write(2)} each. A draining worker logs a
 * line per event, and writing each on its own took about a third of its throughput (README,
 * Performance). A line at WARN or above is written at once, with everything before it; the rest
 * within {@value #FLUSH_MS} ms, before a one-batch summary and a forced exit ({@link #flushAll()}),
 * and at exit. What a {@code kill -9} can lose is the INFO lines of its last {@value #FLUSH_MS} ms;
 * the queue itself loses nothing.
 *
 * <p>{@code target} is {@code System.out} or {@code System.err}, looked up at each write as
 * logback's own console appender does, so a replaced {@code System.out} is honoured.
 */
public final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {
  static final int FLUSH_MS = 200;
  private static final int BUFFER_BYTES = 64 * 1024;

  private OutputStream console = ConsoleTarget.SystemOut.getStream();
  private ScheduledExecutorService flusher;
  private volatile boolean dirty;

  /** {@code System.out} (the default) or {@code System.err}. */
  public void setTarget(String target) {
    ConsoleTarget t = ConsoleTarget.findByName(target == null ? "" : target.trim());
    if (t == null) {
      addWarn("target must be System.out or System.err, not [" + target + "]; using System.out");
      t = ConsoleTarget.SystemOut;
    }
    console = t.getStream();
  }

  /** Writes to {@code console} instead of the process's own (tests). */
  void setConsole(PrintStream console) {
    this.console = console;
  }

  @Override
  public void start() {
    setOutputStream(new BufferedOutputStream(console, BUFFER_BYTES));
    setImmediateFlush(false);
    super.start();
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "log-flusher");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        () -> {
          if (dirty) {
            flush();
          }
        },
        FLUSH_MS,
        FLUSH_MS,
        TimeUnit.MILLISECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "log-flush-at-exit"));
  }

  @Override
  protected void subAppend(ILoggingEvent event) {
    super.subAppend(event);
    if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      flush();
    } else {
      dirty = true;
    }
  }

  /** Writes out what the buffer holds. */
  public void flush() {
    streamWriteLock.lock();
    try {
      dirty = false;
      OutputStream out = getOutputStream();
      if (out != null) {
        out.flush();
      }
    } catch (IOException e) {
      // stdout closed: nothing left to tell
    } finally {
      streamWriteLock.unlock();
    }
  }

  @Override
  public void stop() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    super.stop();
  }

  /** Flushes instead of closing: the console outlives a logback reset. */
  @Override
  protected void closeOutputStream() {
    flush();
  }

  /** Flushes every buffered console appender of the root logger. */
  public static void flushAll() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Iterator<Appender<ILoggingEvent>> appenders =
          context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
      while (appenders.hasNext()) {
        if (appenders.next() instanceof BufferedConsoleAppender buffered) {
          buffered.flush();
        }
      }
    }
  }
}
