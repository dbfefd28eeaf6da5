package com.stonegate.outbox.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The two reference lines the worker is measured against, run on one connection. */
final class SqlLoops {
  private SqlLoops() {}

  /**
   * The limit: one client looping the cheapest possible drain (claim and finish in one
   * autocommitted statement) at the worker's batch size until nothing is left. Events per second.
   * The batch size is written into the statement, as in the worker's claim and in a pgbench script:
   * bound as a parameter it makes PostgreSQL plan every iteration afresh (docs/decisions/0015).
   */
  static double limit(Connection c, int batch, long events) throws SQLException {
    String drain =
        "WITH c AS (SELECT id FROM outbox_events WHERE processed_at IS NULL"
            + " ORDER BY created_at LIMIT "
            + batch
            + " FOR UPDATE SKIP LOCKED)"
            + " UPDATE outbox_events e SET processed_at = now() FROM c WHERE e.id = c.id";
    long started = System.nanoTime();
    try (PreparedStatement s = c.prepareStatement(drain)) {
      while (s.executeUpdate() > 0) {
        // drain
      }
    }
    return events / seconds(started);
  }

  /**
   * The original worker's algorithm: select the 10 oldest unfinished events, then one autocommitted
   * UPDATE per event. Runs for {@code events} events. Events per second.
   */
  static double original(Connection c, long events) throws SQLException {
    long started = System.nanoTime();
    long done = 0;
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, type, payload FROM outbox_events WHERE processed_at IS NULL"
                    + " ORDER BY created_at LIMIT 10");
        PreparedStatement finish =
            c.prepareStatement("UPDATE outbox_events SET processed_at = now() WHERE id = ?")) {
      while (done < events) {
        List<UUID> ids = new ArrayList<>(10);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            ids.add(r.getObject(1, UUID.class));
          }
        }
        if (ids.isEmpty()) {
          break;
        }
        for (UUID id : ids) {
          finish.setObject(1, id);
          finish.executeUpdate();
          done++;
        }
      }
    }
    return done / seconds(started);
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
