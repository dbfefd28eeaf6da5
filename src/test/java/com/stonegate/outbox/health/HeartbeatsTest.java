package com.stonegate.outbox.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeartbeatsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private final MutableClock clock = MutableClock.atSystemTime();

  @Test
  void the_row_is_written_at_start_refreshed_every_interval_and_deleted_at_close()
      throws Exception {
    HeartbeatStore store = new HeartbeatStore(db.dataSource());
    Instant loopBeat = clock.instant().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
    Heartbeat me = Heartbeats.identity("host:1:abc", "run", "1.2.3", Duration.ofSeconds(1), clock);

    try (Heartbeats heartbeats = new Heartbeats(store, me, () -> loopBeat, clock)) {
      heartbeats.start();
      await().until(() -> store.all().size() == 1);
      Heartbeat row = store.all().get(0);
      assertThat(row.instanceId()).isEqualTo("host:1:abc");
      assertThat(row.mode()).isEqualTo("run");
      assertThat(row.version()).isEqualTo("1.2.3");
      assertThat(row.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(row.loopBeatAt()).isEqualTo(loopBeat);
      Instant first = row.lastBeatAt();

      clock.advance(Duration.ofSeconds(10));

      await().until(() -> store.all().get(0).lastBeatAt().isAfter(first));
    }
    assertThat(store.all()).isEmpty();
  }

  @Test
  void an_instance_that_missed_three_beats_is_stale() throws Exception {
    HeartbeatStore store = new HeartbeatStore(db.dataSource());
    Duration interval = Duration.ofSeconds(30);
    store.beat(Heartbeats.identity("alive:1:a", "run", "dev", interval, clock));
    clock.advance(Duration.ofSeconds(91));
    store.beat(Heartbeats.identity("fresh:2:b", "serve", "dev", interval, clock));

    List<Heartbeat> all = store.all();

    assertThat(all).extracting(Heartbeat::instanceId).containsExactly("fresh:2:b", "alive:1:a");
    assertThat(all).extracting(h -> h.stale(clock.instant())).containsExactly(false, true);
  }

  @Test
  void rows_silent_for_a_week_are_forgotten() throws Exception {
    HeartbeatStore store = new HeartbeatStore(db.dataSource());
    store.beat(Heartbeats.identity("gone:1:a", "run", "dev", Duration.ofSeconds(30), clock));
    clock.advance(Duration.ofDays(8));

    assertThat(store.forgetSilentSince(clock.instant().minus(Heartbeats.FORGET_AFTER))).isOne();
    assertThat(store.all()).isEmpty();
  }
}
