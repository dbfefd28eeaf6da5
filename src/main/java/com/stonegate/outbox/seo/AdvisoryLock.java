package com.stonegate.outbox.seo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session-level PostgreSQL advisory lock that lets one autopublisher at a time write, across
 * every worker on the database. It belongs to the connection that took it: take and release it on
 * the same {@link Connection}, which stays in auto-commit mode meanwhile (no transaction is held
 * open while OpenAI is called). If the connection dies, PostgreSQL releases the lock with it.
 */
final class AdvisoryLock {
  /** The original worker's key, so the old and the new worker exclude each other during a swap. */
  static final long KEY = 88314291L;

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

  private AdvisoryLock() {}

  /** True when this connection now holds the lock; false when another session does. */
  static boolean tryTake(Connection connection) throws SQLException {
    return bool(connection, "SELECT pg_try_advisory_lock(?)");
  }

  /**
   * Releases the lock this connection holds; never throws. When the unlock fails the session is
   * ended, which releases the lock, rather than returned to the pool still holding it.
   */
  static void release(Connection connection) {
    try {
      if (!bool(connection, "SELECT pg_advisory_unlock(?)")) {
        log.warn("SEO advisory lock {} was not held at release", KEY);
      }
    } catch (SQLException e) {
      log.warn("could not release the SEO advisory lock; ending the session: {}", e.toString());
      try {
        connection.abort(Runnable::run);
      } catch (SQLException ignored) {
        // already gone: the lock went with it
      }
    }
  }

  private static boolean bool(Connection connection, String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }
}
