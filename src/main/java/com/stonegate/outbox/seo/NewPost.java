package com.stonegate.outbox.seo;

import java.time.Instant;

/**
 * A post about to be inserted into {@code blog_posts}.
 *
 * @param publishedAt when it goes live; null stores a private draft for review
 * @param createdAt the attempt's time, also {@code updated_at}
 */
record NewPost(
    String topicKey,
    String title,
    String excerpt,
    String markdown,
    String metaTitle,
    String metaDescription,
    Instant publishedAt,
    Instant createdAt) {

  static final int META_TITLE_MAX = 70;

  /** The post for {@code brief}: trimmed texts, the title cut to 70 characters as meta title. */
  static NewPost of(Topic topic, BlogBrief brief, String markdown, Instant now, boolean publish) {
    String title = brief.title().strip();
    String metaTitle =
        title.length() <= META_TITLE_MAX ? title : title.substring(0, META_TITLE_MAX).strip();
    return new NewPost(
        topic.key(),
        title,
        brief.excerpt().strip(),
        markdown,
        metaTitle,
        brief.metaDescription().strip(),
        publish ? now : null,
        now);
  }
}
