package com.stonegate.outbox.seo;

import static com.stonegate.outbox.seo.SeoFixture.FIRST_TOPIC;
import static com.stonegate.outbox.seo.SeoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.config.SeoConfig;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SEO_AUTOPUBLISH_MODE=draft: posts wait, unpublished, for staff. */
class SeoReviewModeTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);

  @AfterEach
  void close() {
    seo.close();
  }

  private SeoAutopublisher drafting() {
    return seo.autopublisher(SeoFixture.config(SeoConfig.Mode.DRAFT, Duration.ofSeconds(10)));
  }

  @Test
  void draft_mode_stores_the_post_unpublished() {
    SeoResult result = drafting().attempt(false);

    assertThat(result.ok()).isTrue();
    assertThat(result.skipped()).isFalse();
    assertThat(result.published()).isFalse();
    assertThat(result.outcome()).isEqualTo("drafted");
    assertThat(db.count("SELECT count(*) FROM blog_posts WHERE published_at IS NULL")).isEqualTo(1);
    assertThat(seo.cursor()).isEqualTo(1);
  }

  @Test
  void drafts_count_for_spacing_and_quota_in_draft_mode() {
    SeoAutopublisher seoDrafts = drafting();
    seoDrafts.attempt(false);

    seo.clock.advance(Duration.ofDays(1));
    assertThat(seoDrafts.attempt(false)).isEqualTo(SeoResult.skipped("too_soon"));
    seo.clock.advance(Duration.ofDays(2));
    assertThat(seoDrafts.attempt(false).published()).isFalse();
    seo.clock.advance(Duration.ofDays(3));
    assertThat(seoDrafts.attempt(false)).isEqualTo(SeoResult.skipped("quota_met"));
  }

  @Test
  void drafts_do_not_count_in_publish_mode() {
    drafting().attempt(false);

    assertThat(seo.autopublisher().attempt(false).published()).isTrue();
  }

  @Test
  void drafts_are_listed_and_published_by_slug() throws Exception {
    drafting().attempt(false);
    Drafts drafts = new Drafts(db.dataSource(), seo.clock);

    assertThat(drafts.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.slug()).isEqualTo(FIRST_TOPIC);
              assertThat(d.title()).isEqualTo(SeoReplies.TITLE);
              assertThat(d.createdAt()).isEqualTo(NOW);
            });

    seo.clock.advance(Duration.ofHours(2));
    Drafts.Publication published = drafts.publish(FIRST_TOPIC);

    assertThat(published.status()).isEqualTo(Drafts.Publication.Status.PUBLISHED);
    assertThat(published.publishedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(drafts.list()).isEmpty();
    assertThat(drafts.publish(FIRST_TOPIC).status())
        .isEqualTo(Drafts.Publication.Status.ALREADY_PUBLISHED);
    assertThat(drafts.publish("no-such-post").status())
        .isEqualTo(Drafts.Publication.Status.NOT_FOUND);
  }
}
