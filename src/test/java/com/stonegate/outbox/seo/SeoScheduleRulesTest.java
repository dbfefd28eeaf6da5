package com.stonegate.outbox.seo;

import static com.stonegate.outbox.seo.SeoFixture.FIRST_TOPIC;
import static com.stonegate.outbox.seo.SeoFixture.SECOND_TOPIC;
import static com.stonegate.outbox.seo.SeoFixture.THIRD_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quota, spacing and topic rotation, at their boundaries. */
class SeoScheduleRulesTest {
  private static final Duration MS = Duration.ofMillis(1);
  private static final Duration DAY = Duration.ofDays(1);

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);

  @AfterEach
  void close() {
    seo.close();
  }

  @Test
  void two_posts_in_the_last_7_days_meet_the_quota() {
    seo.published("a", "x", Duration.ofDays(7)); // exactly 7 days ago still counts
    seo.published("b", "y", Duration.ofDays(4));

    assertThat(seo.autopublisher().attempt(false)).isEqualTo(SeoResult.skipped("quota_met"));
    assertThat(seo.openAi.requests()).isEmpty();
  }

  @Test
  void a_post_just_over_7_days_old_leaves_room_under_the_quota() {
    seo.published("a", "x", Duration.ofDays(7).plus(MS));
    seo.published("b", "y", Duration.ofDays(4));

    assertThat(seo.autopublisher().attempt(false).published()).isTrue();
  }

  @Test
  void a_post_less_than_3_days_ago_is_too_soon() {
    seo.published("a", "x", Duration.ofDays(3).minus(MS));

    assertThat(seo.autopublisher().attempt(false)).isEqualTo(SeoResult.skipped("too_soon"));
  }

  @Test
  void exactly_3_days_after_the_last_post_is_not_too_soon() {
    seo.published("a", "x", Duration.ofDays(3));

    assertThat(seo.autopublisher().attempt(false).published()).isTrue();
  }

  @Test
  void force_skips_the_quota_and_the_spacing() {
    seo.published("a", "x", DAY);
    seo.published("b", "y", Duration.ofHours(1));

    assertThat(seo.autopublisher().attempt(true).published()).isTrue();
    assertThat(seo.posts()).isEqualTo(3);
  }

  @Test
  void posts_scheduled_in_the_future_do_not_make_it_too_soon() {
    seo.published("later", "x", DAY.negated());

    assertThat(seo.autopublisher().attempt(false).published()).isTrue();
  }

  @Test
  void rotation_passes_over_topics_published_in_the_last_90_days() {
    seo.published("a", FIRST_TOPIC, Duration.ofDays(10));
    seo.published("b", SECOND_TOPIC, Duration.ofDays(89));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.slug()).isEqualTo(THIRD_TOPIC);
    assertThat(seo.cursor()).isEqualTo(3);
  }

  @Test
  void a_topic_last_published_over_90_days_ago_is_used_again_under_a_new_slug() {
    seo.published(FIRST_TOPIC, FIRST_TOPIC, Duration.ofDays(91));
    seo.published(FIRST_TOPIC + "-2", FIRST_TOPIC, Duration.ofDays(200));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.slug()).isEqualTo(FIRST_TOPIC + "-3");
    assertThat(db.count("SELECT count(*) FROM blog_posts WHERE topic_key = ?", FIRST_TOPIC))
        .isEqualTo(3);
  }

  @Test
  void rotation_starts_at_the_stored_cursor_and_wraps_round() {
    int last = Topics.builtIn().all().size() - 1;
    seo.cursor(last);

    SeoAutopublisher autopublisher = seo.autopublisher();
    SeoResult first = autopublisher.attempt(true);
    SeoResult second = autopublisher.attempt(true);

    assertThat(first.slug()).isEqualTo(Topics.builtIn().all().get(last).key());
    assertThat(second.slug()).isEqualTo(FIRST_TOPIC);
    assertThat(seo.cursor()).isEqualTo(1);
  }

  @Test
  void when_every_topic_is_recent_the_one_at_the_cursor_is_written_again() {
    for (Topic topic : Topics.builtIn().all()) {
      seo.published(topic.key(), topic.key(), Duration.ofDays(30));
    }

    assertThat(seo.autopublisher().attempt(false).slug()).isEqualTo(FIRST_TOPIC + "-2");
  }
}
