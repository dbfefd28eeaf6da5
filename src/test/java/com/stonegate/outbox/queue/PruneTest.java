package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PruneTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  @Test
  void prune_deletes_old_finished_events_and_keeps_dead_recent_and_unfinished_ones()
      throws Exception {
    // Enough old rows to span several slices of the table.
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at)"
            + " SELECT 'old.done', '{}', now() - interval '40 days' FROM generate_series(1, 30000)");
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at, skip_reason)"
            + " VALUES ('old.skipped', '{}', now() - interval '40 days', 'unknown_type')");
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at, dead_at, last_error)"
            + " VALUES ('old.dead', '{}', now() - interval '40 days', now() - interval '40 days', 'x')");
    db.update(
        "INSERT INTO outbox_events (type, payload, processed_at)"
            + " VALUES ('recent.done', '{}', now() - interval '1 day')");
    db.update(
        "INSERT INTO outbox_events (type, payload, created_at)"
            + " VALUES ('old.pending', '{}', now() - interval '60 days')");
    OutboxStore store = new OutboxStore(db.dataSource(), new ObjectMapper());
    assertThat(db.count("SELECT pg_relation_size('outbox_events') / 8192"))
        .isGreaterThan(OutboxStore.PRUNE_PAGES);

    long deleted = store.prune(Instant.now().minus(Duration.ofDays(30)));

    assertThat(deleted).isEqualTo(30001);
    assertThat(db.query("SELECT type FROM outbox_events ORDER BY type"))
        .extracting(r -> r.get("type"))
        .containsExactly("old.dead", "old.pending", "recent.done");
  }
}
