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
 * Takes a {@link Snapshot}. Every query is cheap: the queue totals use the partial indexes on
 * unfinished and dead events, table statistics are one catalog row, and the uncertain deliveries a
 * partial index of the ledger.
 */
public final class SnapshotQueries {
  private static final String TABLE =
      "SELECT n_live_tup, n_dead_tup, last_autovacuum,"
          + " to_regclass('outbox_deliveries') IS NOT NULL"
          + " FROM pg_stat_user_tables WHERE relid = 'outbox_events'::regclass";

  /** A count read elsewhere: the delivery ledger's own query, which this package cannot import. */
  @FunctionalInterface
  public interface Count {
    long count() throws SQLException;
  }

  private final DataSource dataSource;
  private final OutboxStore store;
  private final HeartbeatStore heartbeats;
  private final Count uncertainDeliveries;

  public SnapshotQueries(
      DataSource dataSource, OutboxStore store, HeartbeatStore heartbeats, Count uncertain) {
    this.dataSource = dataSource;
    this.store = store;
    this.heartbeats = heartbeats;
    this.uncertainDeliveries = uncertain;
  }

  public Snapshot take(Instant now) throws SQLException {
    var queue = store.totals(now);
    TableHealth table = new TableHealth(0, 0, null);
    boolean ledger = false;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TABLE);
        ResultSet r = s.executeQuery()) {
      if (r.next()) {
        table = new TableHealth(r.getLong(1), r.getLong(2), instant(r, 3));
        ledger = r.getBoolean(4);
      }
    }
    // Counted after the connection above is back: the pool may have only two.
    return new Snapshot(queue, table, ledger ? uncertain() : null, heartbeats.all());
  }

  /** Null when the ledger has another shape than expected: the gauge is absent, not an error. */
  private Long uncertain() {
    try {
      return uncertainDeliveries.count();
    } catch (SQLException e) {
      return null;
    }
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
