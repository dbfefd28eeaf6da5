package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The post's two tries against the guards. */
class SeoGuardedDraftTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);

  @AfterEach
  void close() {
    seo.close();
  }

  @Test
  void a_rejected_draft_is_written_again_with_the_reason_and_the_second_is_published() {
    seo.openAi.enqueue(
        OpenAiReply.text(SeoReplies.brief()),
        OpenAiReply.text(SeoReplies.post("Most cleanouts cost about $ 350.")));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.published()).isTrue();
    assertThat(seo.openAi.requests()).hasSize(3);
    assertThat(seo.openAi.requests().get(2).path("input").asText())
        .contains("previousDraftRejectedBecause", "dollar amount");
    assertThat(db.<String>value("SELECT content_markdown FROM blog_posts")).doesNotContain("$");
  }

  @Test
  void two_rejected_drafts_fail_the_post_and_leave_the_cursor() throws Exception {
    seo.openAi.enqueue(
        OpenAiReply.text(SeoReplies.brief()),
        OpenAiReply.text(SeoReplies.post("We also serve Hall County.")),
        OpenAiReply.text(SeoReplies.post().replace("## FAQ", "## Questions")));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).isEqualTo("post_generation_failed");
    assertThat(result.detail()).contains("Hall County", "no FAQ section");
    assertThat(seo.posts()).isZero();
    assertThat(db.count("SELECT count(*) FROM seo_agent_state WHERE key = 'blog_topic_cursor'"))
        .isZero();
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void a_draft_missing_a_required_link_is_rejected() {
    String withoutAreas = SeoReplies.post().replace("[areas](/areas)", "areas");
    seo.openAi.enqueue(
        OpenAiReply.text(SeoReplies.brief()),
        OpenAiReply.text(withoutAreas),
        OpenAiReply.text(withoutAreas));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.error()).isEqualTo("post_generation_failed");
    assertThat(result.detail()).contains("lacks the internal links /areas");
  }

  @Test
  void openai_failing_on_the_first_draft_still_gets_a_second_try() {
    seo.openAi.enqueue(
        OpenAiReply.text(SeoReplies.brief()), OpenAiReply.status(503), OpenAiReply.status(503));

    SeoResult result = seo.autopublisher().attempt(false);

    assertThat(result.published()).isTrue();
    assertThat(seo.openAi.requests()).hasSize(4);
  }
}
