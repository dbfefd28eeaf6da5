package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.config.SeoConfig;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The autopublisher on its own thread, as the polling worker runs it. */
class SeoSchedulerTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);
  final List<SeoResult> reported = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    seo.close();
  }

  @Test
  void publishes_at_start_up_and_again_once_the_spacing_has_passed() {
    SeoScheduler scheduler =
        SeoScheduler.start(seo.autopublisher(), Duration.ofMillis(50), reported::add);
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> seo.posts() == 1);
      await().until(() -> reported.stream().anyMatch(r -> "too_soon".equals(r.reason())));

      seo.clock.advance(Duration.ofDays(3));

      await().atMost(Duration.ofSeconds(20)).until(() -> seo.posts() == 2);
    } finally {
      scheduler.close();
    }
    assertThat(reported).filteredOn(r -> Boolean.TRUE.equals(r.published())).hasSize(2);
  }

  @Test
  void a_disabled_autopublisher_is_never_started() {
    SeoConfig disabled =
        SeoFixture.config(SeoConfig.Mode.PUBLISH, Duration.ofSeconds(5)).withDisabled(true);

    // The autopublisher itself is enabled: only the schedule's configuration keeps it idle.
    SeoScheduler scheduler = SeoScheduler.start(seo.autopublisher(), disabled, reported::add);
    try {
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(1))
          .until(() -> reported.isEmpty() && seo.openAi.requests().isEmpty());
    } finally {
      scheduler.close();
    }
    assertThat(reported).isEmpty();
    assertThat(seo.openAi.requests()).isEmpty();
  }
}
