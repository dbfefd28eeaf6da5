package com.stonegate.outbox.cli;

import com.stonegate.outbox.config.ConfigException;
import com.stonegate.outbox.http.ListenException;
import java.io.PrintStream;
import java.sql.SQLException;
import org.slf4j.LoggerFactory;

/** Turns what a command threw into one readable line and an exit code; no stack traces. */
public final class Failures {
  public static final int FAILED = 1;
  public static final int BAD_CONFIG = 2;

  private Failures() {}

  public static int report(Exception e, PrintStream err) {
    if (e instanceof ConfigException) {
      ((ConfigException) e).problems().forEach(p -> err.println("outbox-worker: " + p));
      return BAD_CONFIG;
    }
    if (e instanceof ListenException) {
      err.println("outbox-worker: " + oneLine(e.getMessage()));
      return FAILED;
    }
    Throwable database = databaseCause(e);
    if (database != null) {
      err.println("outbox-worker: cannot reach the database: " + oneLine(database.getMessage()));
      return FAILED;
    }
    LoggerFactory.getLogger(Failures.class).debug("command failed", e);
    err.println("outbox-worker: " + oneLine(e.toString()));
    return FAILED;
  }

  /** The connection failure behind {@code e}, if that is what it is. */
  private static Throwable databaseCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException && isConnectionState(((SQLException) t).getSQLState())) {
        return t;
      }
      if (t instanceof java.net.ConnectException) {
        return t;
      }
    }
    return null;
  }

  private static boolean isConnectionState(String sqlState) {
    // 08: connection exceptions; 57P: the server is shutting down or starting up; 3D000: no such
    // database; 28: bad credentials.
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.startsWith("57P")
            || sqlState.equals("3D000")
            || sqlState.startsWith("28"));
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
