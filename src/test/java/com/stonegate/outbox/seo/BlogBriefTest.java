package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlogBriefTest {
  private static final String META = "m".repeat(50);
  private static final String EXCERPT = "e".repeat(40);
  private static final List<String> OUTLINE = List.of("One", "Two", "Six", "Ten");

  @Test
  void a_brief_at_every_lower_limit_is_valid() {
    BlogBrief brief = new BlogBrief("t".repeat(10), META, EXCERPT, OUTLINE);

    assertThat(brief.outline()).hasSize(4);
  }

  @Test
  void a_brief_at_every_upper_limit_is_valid() {
    List<String> outline = Collections.nCopies(10, "h".repeat(80));

    new BlogBrief("t".repeat(90), "m".repeat(170), "e".repeat(240), outline);
  }

  @Test
  void each_limit_is_enforced_with_a_message_naming_it() {
    assertInvalid("t".repeat(9), META, EXCERPT, OUTLINE, "title has 9 characters (10–90)");
    assertInvalid("t".repeat(91), META, EXCERPT, OUTLINE, "title has 91");
    assertInvalid("Good title", "m".repeat(49), EXCERPT, OUTLINE, "metaDescription has 49");
    assertInvalid("Good title", "m".repeat(171), EXCERPT, OUTLINE, "metaDescription has 171");
    assertInvalid("Good title", META, "e".repeat(39), OUTLINE, "excerpt has 39");
    assertInvalid("Good title", META, "e".repeat(241), OUTLINE, "excerpt has 241");
    assertInvalid("Good title", META, EXCERPT, OUTLINE.subList(0, 3), "outline has 3 headings");
    assertInvalid(
        "Good title", META, EXCERPT, Collections.nCopies(11, "Head"), "outline has 11 headings");
    assertInvalid("Good title", META, EXCERPT, List.of("One", "Two", "Six", "No"), "has 2");
  }

  @Test
  void openai_json_is_parsed() {
    BlogBrief brief = BlogBrief.parse(SeoReplies.brief());

    assertThat(brief.title()).isEqualTo(SeoReplies.TITLE);
    assertThat(brief.outline()).hasSize(4);
  }

  @Test
  void json_outside_the_schema_is_rejected() {
    assertThatThrownBy(() -> BlogBrief.parse("Here is your brief: {"))
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> BlogBrief.parse("[]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> BlogBrief.parse(SeoReplies.brief().replace("\"excerpt\"", "\"x\"")))
        .hasMessage("unexpected field x");
    assertThatThrownBy(() -> BlogBrief.parse("{\"title\": 12, \"outline\": []}"))
        .hasMessage("title is missing or not a string");
    assertThatThrownBy(
            () -> BlogBrief.parse(SeoReplies.brief().replaceAll("\\[.*]", "\"one heading\"")))
        .hasMessage("outline is not an array");
  }

  private static void assertInvalid(
      String title, String meta, String excerpt, List<String> outline, String message) {
    assertThatThrownBy(() -> new BlogBrief(title, meta, excerpt, outline))
        .isInstanceOf(BlogBrief.InvalidBrief.class)
        .hasMessageContaining(message);
  }
}
