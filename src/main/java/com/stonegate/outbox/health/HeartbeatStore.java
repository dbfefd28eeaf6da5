package com.stonegate.outbox.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** All SQL on {@code outbox_worker_heartbeats}; one short autocommitted statement per call. */
public final class HeartbeatStore {
  private static final String UPSERT =
      "INSERT INTO outbox_worker_heartbeats (instance_id, host, pid, version, mode, started_at,"
          + " last_beat_at, loop_beat_at, beat_interval_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (instance_id) DO UPDATE SET last_beat_at = EXCLUDED.last_beat_at,"
          + " loop_beat_at = EXCLUDED.loop_beat_at, beat_interval_ms = EXCLUDED.beat_interval_ms";

  private final DataSource dataSource;

  public HeartbeatStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes the instance's row, creating it on the first beat. */
  public void beat(Heartbeat h) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(UPSERT)) {
      s.setString(1, h.instanceId());
      s.setString(2, h.host());
      s.setLong(3, h.pid());
      s.setString(4, h.version());
      s.setString(5, h.mode());
      s.setTimestamp(6, Timestamp.from(h.startedAt()));
      s.setTimestamp(7, Timestamp.from(h.lastBeatAt()));
      s.setTimestamp(8, h.loopBeatAt() == null ? null : Timestamp.from(h.loopBeatAt()));
      s.setLong(9, h.interval().toMillis());
      s.executeUpdate();
    }
  }

  /** Deletes the instance's row (a graceful stop). */
  public void remove(String instanceId) throws SQLException {
    update("DELETE FROM outbox_worker_heartbeats WHERE instance_id = ?", instanceId);
  }

  /** Deletes rows not refreshed since {@code before}: workers that crashed long ago. */
  public int forgetSilentSince(Instant before) throws SQLException {
    return update(
        "DELETE FROM outbox_worker_heartbeats WHERE last_beat_at < ?", Timestamp.from(before));
  }

  /** Every instance, most recently started first. */
  public List<Heartbeat> all() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT instance_id, host, pid, version, mode, started_at, last_beat_at,"
                    + " loop_beat_at, beat_interval_ms FROM outbox_worker_heartbeats"
                    + " ORDER BY started_at DESC, instance_id");
        ResultSet r = s.executeQuery()) {
      List<Heartbeat> all = new ArrayList<>();
      while (r.next()) {
        Timestamp loop = r.getTimestamp(8);
        all.add(
            new Heartbeat(
                r.getString(1),
                r.getString(2),
                r.getLong(3),
                r.getString(4),
                r.getString(5),
                r.getTimestamp(6).toInstant(),
                r.getTimestamp(7).toInstant(),
                loop == null ? null : loop.toInstant(),
                Duration.ofMillis(r.getLong(9))));
      }
      return all;
    }
  }

  private int update(String sql, Object parameter) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      return s.executeUpdate();
    }
  }
}
