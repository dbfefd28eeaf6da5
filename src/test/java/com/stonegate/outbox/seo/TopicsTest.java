package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {
  private static final Topics BUILT_IN = Topics.builtIn();

  @Test
  void the_jar_carries_at_least_12_topics_using_every_service() {
    assertThat(BUILT_IN.all()).hasSizeGreaterThanOrEqualTo(12);
    Set<String> services =
        BUILT_IN.all().stream()
            .flatMap(t -> t.relatedServiceSlugs().stream())
            .collect(Collectors.toSet());
    assertThat(services).isEqualTo(Topic.SERVICES.keySet());
  }

  @Test
  void no_topic_trips_the_content_guard() {
    ContentGuard guard = ContentGuard.builtIn();

    for (Topic topic : BUILT_IN.all()) {
      assertThat(guard.problems(topic.titleHint() + " " + topic.primaryKeyword()))
          .as(topic.key())
          .isEmpty();
    }
  }

  @Test
  void the_pick_starts_at_the_cursor_and_the_next_cursor_follows_it() {
    Topics topics = topics("a", "b", "c");

    assertThat(topics.next(1, Set.of())).isEqualTo(new Topics.Pick(topic("b"), 2));
    assertThat(topics.next(2, Set.of())).isEqualTo(new Topics.Pick(topic("c"), 0));
    assertThat(topics.next(7, Set.of())).isEqualTo(new Topics.Pick(topic("b"), 2));
  }

  @Test
  void recent_topics_are_passed_over_wrapping_round() {
    Topics topics = topics("a", "b", "c");

    assertThat(topics.next(1, Set.of("b", "c"))).isEqualTo(new Topics.Pick(topic("a"), 1));
    assertThat(topics.next(1, Set.of("a", "b", "c"))).isEqualTo(new Topics.Pick(topic("b"), 2));
  }

  @Test
  void a_cursor_that_is_not_a_count_reads_as_zero() {
    assertThat(AgentState.parseCursor("3")).isEqualTo(3);
    assertThat(AgentState.parseCursor("3.7")).isEqualTo(3);
    assertThat(AgentState.parseCursor("-2")).isZero();
    assertThat(AgentState.parseCursor("soon")).isZero();
    assertThat(AgentState.parseCursor(null)).isZero();
  }

  @Test
  void bad_topics_are_refused() {
    assertThatThrownBy(() -> new Topic("Bad Key", "x", "y", List.of()))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> new Topic("k", "x", "y", List.of("pianos")))
        .hasMessageContaining("unknown service pianos");
    assertThatThrownBy(() -> topics("a", "a")).hasMessageContaining("duplicate");
  }

  private static Topic topic(String key) {
    return new Topic(key, "Hint " + key, "keyword", List.of("furniture"));
  }

  private static Topics topics(String... keys) {
    return new Topics(List.of(keys).stream().map(TopicsTest::topic).collect(Collectors.toList()));
  }
}
