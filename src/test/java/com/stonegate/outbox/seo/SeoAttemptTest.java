package com.stonegate.outbox.seo;

import static com.stonegate.outbox.seo.SeoFixture.FIRST_TOPIC;
import static com.stonegate.outbox.seo.SeoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.config.SeoConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One attempt, through each of its results. */
class SeoAttemptTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);

  @AfterEach
  void close() {
    seo.close();
  }

  @Test
  void a_first_attempt_publishes_the_first_topic_and_advances_the_cursor() throws Exception {
    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.ok()).isTrue();
    assertThat(result.skipped()).isFalse();
    assertThat(result.published()).isTrue();
    assertThat(result.slug()).isEqualTo(FIRST_TOPIC);
    assertThat(result.title()).isEqualTo(SeoReplies.TITLE);
    Map<String, Object> row = db.query("SELECT * FROM blog_posts").get(0);
    assertThat(row.get("id")).isEqualTo(result.postId());
    assertThat(row.get("topic_key")).isEqualTo(FIRST_TOPIC);
    assertThat(row.get("content_markdown")).isEqualTo(SeoReplies.post());
    assertThat(row.get("meta_title")).isEqualTo(SeoReplies.TITLE);
    assertThat(((Timestamp) row.get("published_at")).toInstant()).isEqualTo(NOW);
    assertThat(seo.cursor()).isEqualTo(1);
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void the_brief_is_asked_for_with_the_strict_blog_brief_schema_and_the_post_as_text() {
    seo.autopublisher().attempt(false);

    JsonNode brief = seo.openAi.requests().get(0);
    assertThat(brief.path("model").asText()).isEqualTo("gpt-5-mini");
    JsonNode format = brief.path("text").path("format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("name").asText()).isEqualTo("blog_brief");
    assertThat(format.path("strict").asBoolean()).isTrue();
    assertThat(format.path("schema").path("required"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("title", "metaDescription", "excerpt", "outline");
    JsonNode post = seo.openAi.requests().get(1);
    assertThat(post.path("text").path("format").isMissingNode()).isTrue();
    assertThat(post.path("input").asText()).contains("/#schedule-estimate", "/services/furniture");
  }

  @Test
  void a_long_title_is_cut_to_70_characters_for_the_meta_title() {
    String title = "A".repeat(60) + " and a few more words";
    seo.openAi.enqueue(OpenAiReply.text(SeoReplies.brief(title)));

    seo.autopublisher().attempt(false);

    assertThat(db.<String>value("SELECT meta_title FROM blog_posts")).hasSize(70);
    assertThat(db.<String>value("SELECT title FROM blog_posts")).isEqualTo(title);
  }

  @Test
  void disabled_reports_disabled_and_asks_nothing() {
    SeoConfig disabled =
        SeoFixture.config(SeoConfig.Mode.PUBLISH, Duration.ofSeconds(5)).withDisabled(true);

    SeoResult result = seo.autopublisher(disabled).attempt(true);

    assertThat(result).isEqualTo(SeoResult.skipped("disabled"));
    assertThat(seo.openAi.requests()).isEmpty();
  }

  @Test
  void without_an_api_key_reports_openai_not_configured() {
    OpenAiConfig none =
        new OpenAiConfig(
            Optional.empty(), Optional.empty(), "gpt-5-mini", Duration.ofSeconds(1), 1);
    SeoAutopublisher unconfigured =
        new SeoAutopublisher(
            db.dataSource(),
            none,
            SeoFixture.config(SeoConfig.Mode.PUBLISH, Duration.ofSeconds(5)),
            seo.clock,
            ProviderCalls.NONE);

    assertThat(unconfigured.attempt(false)).isEqualTo(SeoResult.skipped("openai_not_configured"));
  }

  @Test
  void a_lock_held_elsewhere_reports_locked() throws Exception {
    try (Connection other = db.dataSource().getConnection();
        Statement s = other.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + AdvisoryLock.KEY + ")");

      assertThat(seo.autopublisher().attempt(true)).isEqualTo(SeoResult.skipped("locked"));

      s.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.KEY + ")");
    }
    assertThat(seo.openAi.requests()).isEmpty();
  }

  @Test
  void an_invalid_brief_is_rejected_not_patched() throws Exception {
    seo.openAi.enqueue(OpenAiReply.text(SeoReplies.brief("Too short")));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).isEqualTo("brief_generation_failed");
    assertThat(result.detail()).contains("title has 9 characters (10–90)");
    assertThat(seo.openAi.requests()).hasSize(1);
    assertThat(seo.posts()).isZero();
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void a_brief_naming_a_price_is_rejected() {
    seo.openAi.enqueue(OpenAiReply.text(SeoReplies.brief("Garage cleanouts from $99 in Marietta")));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.error()).isEqualTo("brief_generation_failed");
    assertThat(result.detail()).contains("dollar amount");
  }

  @Test
  void openai_failing_with_500_fails_the_brief_after_one_retry() throws Exception {
    seo.openAi.enqueue(OpenAiReply.status(500), OpenAiReply.status(500));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.error()).isEqualTo("brief_generation_failed");
    assertThat(result.detail()).contains("500");
    assertThat(seo.openAi.requests()).hasSize(2);
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void openai_timing_out_fails_the_brief() throws Exception {
    Duration stall = Duration.ofSeconds(20);
    seo.openAi.enqueue(
        OpenAiReply.text("late").after(stall), OpenAiReply.text("late").after(stall));
    SeoConfig quick = SeoFixture.config(SeoConfig.Mode.PUBLISH, Duration.ofMillis(400));

    SeoResult result = seo.autopublisher(quick).attempt(false);

    assertThat(result.error()).isEqualTo("brief_generation_failed");
    assertThat(result.detail()).containsIgnoringCase("timeout");
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void a_database_failure_under_the_lock_is_a_result_and_the_lock_is_released() throws Exception {
    db.update("ALTER TABLE blog_posts RENAME TO blog_posts_gone");

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.error()).isEqualTo("database_error");
    assertThat(result.detail()).contains("blog_posts");
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void an_unreachable_database_is_a_result() {
    HikariDataSource closed = new HikariDataSource();
    closed.close();
    SeoAutopublisher offline =
        new SeoAutopublisher(
            closed,
            seo.openAi.config(Duration.ofSeconds(1)),
            SeoFixture.config(SeoConfig.Mode.PUBLISH, Duration.ofSeconds(5)),
            seo.clock,
            ProviderCalls.NONE);

    assertThat(offline.attempt(false).error()).isEqualTo("database_error");
  }

  @Test
  void every_attempt_is_recorded_under_blog_autopublish_last() {
    seo.autopublisher().attempt(false, "cli");

    String last =
        db.value("SELECT value::text FROM seo_agent_state WHERE key = 'blog_autopublish_last'");
    assertThat(last)
        .contains("\"invokedBy\": \"cli\"", "\"published\": true", "\"openaiConfigured\": true");
  }
}
