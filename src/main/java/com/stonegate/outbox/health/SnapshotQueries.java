package com.stonegate.outbox.health;

import com.stonegate.outbox.queue.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Takes a {@link Snapshot}. Every query is cheap: the queue counts use the partial indexes on
 * unfinished and dead events, table statistics are one catalog row, and the uncertain deliveries a
 * partial index of the ledger.
 */
public final class SnapshotQueries {
  private static final String TABLE =
      "SELECT n_live_tup, n_dead_tup, last_autovacuum,"
          + " GREATEST(last_vacuum, last_autovacuum), to_regclass('outbox_deliveries') IS NOT NULL"
          + " FROM pg_stat_user_tables WHERE relid = 'outbox_events'::regclass";

  private final DataSource dataSource;
  private final OutboxStore store;
  private final HeartbeatStore heartbeats;

  public SnapshotQueries(DataSource dataSource, OutboxStore store, HeartbeatStore heartbeats) {
    this.dataSource = dataSource;
    this.store = store;
    this.heartbeats = heartbeats;
  }

  public Snapshot take(Instant now) throws SQLException {
    var queue = store.status(now);
    TableHealth table = new TableHealth(0, 0, null, null);
    Long uncertain = null;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(TABLE);
          ResultSet r = s.executeQuery()) {
        if (r.next()) {
          table = new TableHealth(r.getLong(1), r.getLong(2), instant(r, 3), instant(r, 4));
          uncertain = r.getBoolean(5) ? uncertain(c) : null;
        }
      }
    }
    return new Snapshot(now, queue, table, uncertain, heartbeats.all());
  }

  /** Null when the ledger has another shape than expected: the gauge is absent, not an error. */
  private static Long uncertain(Connection c) {
    try (PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM outbox_deliveries WHERE state = 'uncertain'");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      return null;
    }
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
