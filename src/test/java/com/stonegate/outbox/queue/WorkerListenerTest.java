package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkerListenerTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private final MutableClock clock = MutableClock.atSystemTime();
  private EngineFixture engine;

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void listener_hears_every_outcome_and_each_non_empty_batch() throws Exception {
    engine = new EngineFixture(db);
    engine.enqueue("test.ok", "{}");
    engine.enqueue("test.unknown", "{}");
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    List<Integer> batches = new CopyOnWriteArrayList<>();
    WorkerListener listener =
        new WorkerListener() {
          @Override
          public void outcome(Outcome outcome) {
            outcomes.add(outcome);
          }

          @Override
          public void batchFinished(int claimed, List<Outcome> finished) {
            batches.add(claimed);
          }
        };
    OutboxWorker worker = engine.worker(okHandlers(), config(), clock, listener);

    worker.runOnce(10);
    worker.runOnce(10);

    assertThat(outcomes)
        .extracting(o -> o.event().type() + ":" + o.status().label())
        .containsExactlyInAnyOrder("test.ok:processed", "test.unknown:skipped");
    assertThat(batches).containsExactly(2);
  }

  @Test
  void failing_listener_changes_no_outcome() throws Exception {
    engine = new EngineFixture(db);
    engine.enqueue("test.ok", "{}");
    WorkerListener broken =
        new WorkerListener() {
          @Override
          public void outcome(Outcome outcome) {
            throw new IllegalStateException("listener bug");
          }
        };
    OutboxWorker worker = engine.worker(okHandlers(), config(), clock, broken);

    assertThat(worker.runOnce(10)).isEqualTo(new BatchSummary(1, 1, 0, 0));
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL")).isZero();
  }

  private static Handlers okHandlers() {
    return Handlers.builder().add("test.ok", event -> Handled.processed()).build();
  }

  private static com.stonegate.outbox.config.WorkerConfig config() {
    return EngineFixture.config(10, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }
}
