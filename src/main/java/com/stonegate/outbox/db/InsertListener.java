package com.stonegate.outbox.db;

import com.stonegate.outbox.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one {@code LISTEN outbox_events} connection, outside the pool, and runs {@code onInsert}
 * when the insert trigger (migration V15) announces new events. When the connection is lost (a
 * database restart) it reconnects with backoff; meanwhile the poll interval is the fallback. After
 * each (re)connect it runs {@code onInsert} once, since inserts made while it was away were not
 * heard.
 *
 * <p>Needs a direct connection or a session-mode pooler: behind a transaction-mode pooler such as
 * PgBouncer's, LISTEN is not kept, nothing is heard and only polling finds new events.
 */
public final class InsertListener implements AutoCloseable {
  /** The channel the insert trigger notifies. */
  public static final String CHANNEL = "outbox_events";

  private static final Logger log = LoggerFactory.getLogger(InsertListener.class);
  private static final int CHECK_MS = 10_000;
  private static final long MAX_BACKOFF_MS = 30_000;

  private final DatabaseConfig config;
  private final Runnable onInsert;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean listening;
  private volatile Connection connection;
  private boolean lost; // the listener thread's own: a connection was lost and not yet regained

  private InsertListener(DatabaseConfig config, Runnable onInsert) {
    this.config = config;
    this.onInsert = onInsert;
    this.thread = new Thread(this::listenUntilClosed, "outbox-listener");
    thread.setDaemon(true);
  }

  /** Starts listening on a thread of its own. */
  public static InsertListener start(DatabaseConfig config, Runnable onInsert) {
    InsertListener listener = new InsertListener(config, onInsert);
    listener.thread.start();
    return listener;
  }

  /** Whether a LISTEN connection is up now. */
  public boolean listening() {
    return listening;
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      try {
        c.close(); // unblocks getNotifications
      } catch (SQLException e) {
        // closing anyway
      }
    }
    thread.interrupt();
  }

  private void listenUntilClosed() {
    long backoffMs = 0;
    while (!closed) {
      try {
        listen();
      } catch (SQLException | RuntimeException e) {
        // A connection that was up starts the backoff afresh; one that never came up doubles it.
        backoffMs = listening ? 500 : Math.min(Math.max(backoffMs * 2, 500), MAX_BACKOFF_MS);
        listening = false;
        lost = true;
        if (closed) {
          return;
        }
        log.warn(
            "not hearing inserts ({}); polling meanwhile, listening again in {} ms",
            e.toString(),
            backoffMs);
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Listens until the connection fails (throws) or the listener is closed (returns). */
  private void listen() throws SQLException {
    try (Connection c = Database.connect(config, "listener")) {
      connection = c;
      try (Statement s = c.createStatement()) {
        s.execute("LISTEN " + CHANNEL);
      }
      listening = true;
      if (lost) {
        lost = false;
        log.info("hearing inserts again");
      }
      onInsert.run();
      PGConnection pg = c.unwrap(PGConnection.class);
      while (!closed) {
        PGNotification[] heard = pg.getNotifications(CHECK_MS);
        if (heard != null && heard.length > 0) {
          onInsert.run(); // however many arrived: the worker's wake-ups coalesce anyway
        } else if (!closed && !c.isValid(5)) {
          throw new SQLException("the listening connection stopped answering");
        }
      }
    } finally {
      connection = null;
    }
  }
}
