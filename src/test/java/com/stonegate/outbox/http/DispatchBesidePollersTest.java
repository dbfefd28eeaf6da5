package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Manual dispatch goes through the same claims and leases as the poll loops beside it. */
class DispatchBesidePollersTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  @Test
  void dispatch_while_two_pollers_run_handles_no_event_twice() throws Exception {
    int dispatched = 0;
    Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
    Handlers handlers =
        Handlers.builder()
            .add(
                "test.count",
                e -> {
                  handled.computeIfAbsent(e.id(), id -> new AtomicInteger()).incrementAndGet();
                  return Handled.processed();
                })
            .build();
    AdminApi.Options o = AdminApi.Options.defaults(handlers);
    AdminApi.Options polling =
        new AdminApi.Options(o.key(), handlers, o.clock(), true, o.seo(), o.queueMaxAge());

    int inserted = 0;
    try (AdminApi first = new AdminApi(db, polling);
        AdminApi second = new AdminApi(db, polling)) {
      // Until the endpoint has handled some of them too: the pollers are quick.
      while (dispatched == 0 || pending() > 0) {
        if (pending() == 0) {
          inserted += enqueue(1500);
        }
        AdminApi api = dispatched % 2 == 0 ? first : second;
        var answer =
            api.client.post(
                "/api/admin/outbox/dispatch", "{\"limit\":50}", "x-api-key", AdminApi.KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        dispatched += new ObjectMapper().readTree(answer.body()).get("total").asInt();
      }
      int expected = inserted;
      await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == expected);
    }

    assertThat(handled.values()).allSatisfy(n -> assertThat(n.get()).isOne());
    assertThat(dispatched).as("events the endpoint handled").isPositive();
  }

  private int enqueue(int n) {
    return db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'test.count', '{}'"
            + " FROM generate_series(1, ?)",
        n);
  }

  private long pending() {
    return db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL");
  }
}
