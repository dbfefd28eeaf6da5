package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
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
                    "EXPLAIN " + OutboxStore.CLAIM,
                    now,
                    now,
                    10,
                    "w",
                    Timestamp.from(now.toInstant().plusSeconds(60)))
                .stream()
                .map(Map::values)
                .map(v -> (String) v.iterator().next())
                .toList());
    assertThat(plan).contains("outbox_events_due_idx");
  }
}
