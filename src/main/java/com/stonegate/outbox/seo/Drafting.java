package com.stonegate.outbox.seo;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps 5 and 6 of an attempt: a brief within the spec's limits and free of prices and foreign
 * counties (one try), then a post that passes {@link PostGuard} (two tries; the second is told why
 * the first was refused).
 */
final class Drafting {
  static final int POST_TRIES = 2;

  private final ContentGuard content;
  private final PostGuard guard;

  Drafting(ContentGuard content) {
    this.content = content;
    this.guard = new PostGuard(content);
  }

  Draft write(BlogWriter writer, Topic topic) {
    BlogBrief brief;
    try {
      brief = BlogBrief.parse(writer.brief(topic));
    } catch (BlogWriter.WriterFailure | BlogBrief.InvalidBrief e) {
      return Draft.failed("brief_generation_failed", e.getMessage());
    }
    List<String> problems = content.problems(brief.visibleText());
    if (!problems.isEmpty()) {
      return Draft.failed("brief_generation_failed", "the brief " + String.join("; ", problems));
    }
    List<String> details = new ArrayList<>();
    List<String> rejected = List.of();
    for (int n = 1; n <= POST_TRIES; n++) {
      try {
        String markdown = writer.post(topic, brief, rejected);
        rejected = guard.problems(markdown, topic);
        if (rejected.isEmpty()) {
          return new Draft(brief, markdown, null);
        }
        details.add("draft " + n + " " + String.join("; ", rejected));
      } catch (BlogWriter.WriterFailure e) {
        details.add("draft " + n + ": " + e.getMessage());
      }
    }
    return Draft.failed("post_generation_failed", String.join(" | ", details));
  }

  /**
   * A brief and a post that passed every guard, or the failure that ends the attempt.
   *
   * @param failure null when the draft may be saved
   */
  record Draft(BlogBrief brief, String markdown, SeoResult failure) {
    static Draft failed(String error, String detail) {
      return new Draft(null, null, SeoResult.failed(error, detail));
    }
  }
}
