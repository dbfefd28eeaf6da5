package com.stonegate.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeoConfigTest {
  @Test
  void defaults_match_the_original_worker() {
    SeoConfig seo = Config.from(Map.of()).seo();

    assertThat(seo.disabled()).isFalse();
    assertThat(seo.interval()).isEqualTo(Duration.ofHours(6));
    assertThat(seo.mode()).isEqualTo(SeoConfig.Mode.PUBLISH);
    assertThat(seo.openAiTimeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(seo.intervalWarning()).isEmpty();
  }

  @Test
  void an_interval_above_a_minute_is_used() {
    SeoConfig seo = Config.from(Map.of("SEO_AUTOPUBLISH_INTERVAL_MS", "60001")).seo();

    assertThat(seo.interval()).isEqualTo(Duration.ofMillis(60_001));
    assertThat(seo.intervalWarning()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"60000", "5000", "0", "-1", "soon", "1e9"})
  void a_short_or_unparsable_interval_falls_back_to_6_hours_with_a_warning(String value) {
    SeoConfig seo = Config.from(Map.of("SEO_AUTOPUBLISH_INTERVAL_MS", value)).seo();

    assertThat(seo.interval()).isEqualTo(Duration.ofHours(6));
    assertThat(seo.intervalWarning())
        .hasValueSatisfying(
            w -> assertThat(w).startsWith("SEO_AUTOPUBLISH_INTERVAL_MS='" + value + "'"));
  }

  @Test
  void disabled_and_mode_are_read() {
    SeoConfig seo =
        Config.from(Map.of("SEO_AUTOPUBLISH_DISABLED", "1", "SEO_AUTOPUBLISH_MODE", "Draft")).seo();

    assertThat(seo.disabled()).isTrue();
    assertThat(seo.mode()).isEqualTo(SeoConfig.Mode.DRAFT);
  }

  @Test
  void a_bad_mode_or_flag_is_a_start_up_error_naming_the_variable() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of("SEO_AUTOPUBLISH_MODE", "later", "SEO_AUTOPUBLISH_DISABLED", "maybe")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "SEO_AUTOPUBLISH_MODE='later' is invalid: expected publish or draft",
                        "SEO_AUTOPUBLISH_DISABLED='maybe' is invalid: expected 1 or 0 (true/false)"));
  }
}
