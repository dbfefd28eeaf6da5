package com.stonegate.outbox.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT: the first starts a graceful stop, a second one during it exits at once.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the only JDK API that sees a second
 * signal: once shutdown hooks run, the JVM ignores further SIGTERMs. javac's warning about it
 * cannot be suppressed, so this file alone is compiled without -Werror (see pom.xml).
 */
public final class ShutdownSignals {
  private ShutdownSignals() {}

  /**
   * @param graceful run on its own thread at the first signal
   * @param immediate run on the signal thread at the second
   */
  public static void install(Runnable graceful, Runnable immediate) {
    AtomicBoolean received = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (received.compareAndSet(false, true)) {
              new Thread(graceful, "graceful-shutdown").start();
            } else {
              immediate.run();
            }
          });
    }
  }
}
