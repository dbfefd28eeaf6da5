package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's own claim statement, not a copy of it, finds due rows through the partial index. */
class ClaimPlanTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  @Test
  void claim_uses_the_partial_index_of_unfinished_rows() {
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at)"
            + " SELECT 'x', '{}', now() FROM generate_series(1, 20000)");
    db.update("INSERT INTO outbox_events (type, payload) VALUES ('x', '{}')");
    db.update("ANALYZE outbox_events");
    Timestamp now = Timestamp.from(Instant.now());

    String plan =
        String.join(
            "\n",
            db
                .query(
                    "EXPLAIN " + OutboxStore.claimSql(10),
                    now,
                    now,
                    "w",
                    Timestamp.from(now.toInstant().plusSeconds(60)))
                .stream()
                .map(Map::values)
                .map(v -> (String) v.iterator().next())
                .toList());
    assertThat(plan).contains("outbox_events_due_idx");
  }

  /**
   * A prepared claim runs on the plan PostgreSQL caches for it (the generic plan), which must be as
   * good as a fresh one: through the index, each row found by its ctid, no scan of the table.
   */
  @Test
  void the_cached_plan_of_a_claim_reads_only_the_claimed_rows() throws SQLException {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'x', '{}' FROM generate_series(1, 20000)");
    db.update("ANALYZE outbox_events");
    String sql = OutboxStore.claimSql(100);
    for (int n = 1; sql.contains("?"); n++) {
      sql = sql.replaceFirst("\\?", "\\$" + n);
    }
    List<String> plan = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE claim (timestamptz, timestamptz, text, timestamptz) AS " + sql);
      try (ResultSet r = s.executeQuery("EXPLAIN EXECUTE claim (now(), now(), 'w', now())")) {
        while (r.next()) {
          plan.add(r.getString(1));
        }
      }
      s.execute("DEALLOCATE claim");
      s.execute("RESET plan_cache_mode");
    }
    assertThat(String.join("\n", plan))
        .contains("outbox_events_due_idx", "Tid Scan")
        .doesNotContain("Seq Scan");
  }
}
