package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostGuardTest {
  private static final ContentGuard CONTENT = ContentGuard.builtIn();
  private static final PostGuard GUARD = new PostGuard(CONTENT);
  private static final Topic HOT_TUB =
      new Topic("hot-tub-removal", "Hot tubs", "hot tub removal", List.of("hot-tub"));

  @ParameterizedTest
  @ValueSource(strings = {"$12", "$ 12", "$1,200.50", "from $99 up", "costs $\t40"})
  void a_dollar_amount_is_rejected(String text) {
    assertThat(CONTENT.problems("It " + text + " today."))
        .singleElement()
        .asString()
        .contains("dollar");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Save money", "US$ not quoted", "a $ sign alone", "100 dollars"})
  void text_without_a_dollar_amount_passes(String text) {
    assertThat(CONTENT.problems(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We serve Hall County too.",
        "across hall county",
        "Hall and Jackson counties",
        "in Gwinnett",
        "DEKALB residents",
        "Jeff  Davis County",
        "Henry Co. homes"
      })
  void a_county_outside_the_service_area_is_rejected(String text) {
    assertThat(CONTENT.problems(text)).singleElement().asString().contains("county");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Clear the hallway first.",
        "the hall closet",
        "Cobb County and Cherokee County",
        "Fulton and Bartow counties",
        "Henry from our crew",
        "an early start",
        "our county service area",
        "a wheelbarrow"
      })
  void whole_words_of_allowed_or_innocent_text_pass(String text) {
    assertThat(CONTENT.problems(text)).isEmpty();
  }

  @Test
  void a_valid_post_passes() {
    assertThat(GUARD.problems(SeoReplies.post(), HOT_TUB)).isEmpty();
  }

  @Test
  void a_post_without_an_faq_heading_is_rejected() {
    String noFaq = SeoReplies.post().replace("## FAQ", "## Common questions");

    assertThat(GUARD.problems(noFaq, HOT_TUB)).containsExactly("has no FAQ section");
  }

  @Test
  void an_faq_mentioned_in_a_paragraph_is_not_a_section() {
    String faqInText = SeoReplies.post().replace("## FAQ", "FAQ");

    assertThat(GUARD.problems(faqInText, HOT_TUB)).containsExactly("has no FAQ section");
  }

  @Test
  void frequently_asked_questions_is_an_faq_heading() {
    String spelledOut = SeoReplies.post().replace("## FAQ", "### Frequently Asked Questions");

    assertThat(GUARD.problems(spelledOut, HOT_TUB)).isEmpty();
  }

  @Test
  void every_missing_internal_link_is_named() {
    String missing =
        SeoReplies.post()
            .replace("[pricing](/pricing)", "pricing")
            .replace("[hot tubs](/services/hot-tub)", "hot tubs");

    assertThat(GUARD.problems(missing, HOT_TUB))
        .containsExactly("lacks the internal links /pricing, /services/hot-tub");
  }

  @Test
  void a_link_written_as_plain_text_does_not_count() {
    String plain = SeoReplies.post().replace("[areas](/areas)", "areas (/areas)");

    assertThat(GUARD.problems(plain, HOT_TUB)).containsExactly("lacks the internal links /areas");
  }

  @Test
  void a_trailing_slash_on_a_link_is_accepted() {
    String slashed = SeoReplies.post().replace("(/areas)", "(/areas/)");

    assertThat(GUARD.problems(slashed, HOT_TUB)).isEmpty();
  }
}
