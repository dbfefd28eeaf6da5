package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeoResultTest {
  @Test
  void a_skip_is_printed_in_the_original_shape() {
    assertThat(SeoResult.skipped("quota_met").toJsonLine())
        .isEqualTo("{\"ok\":true,\"seo\":{\"ok\":true,\"skipped\":true,\"reason\":\"quota_met\"}}");
  }

  @Test
  void a_failure_carries_the_error_and_its_detail() {
    assertThat(SeoResult.failed("post_generation_failed", "draft 1 has no FAQ").toJsonLine())
        .isEqualTo(
            "{\"ok\":true,\"seo\":{\"ok\":false,\"error\":\"post_generation_failed\","
                + "\"detail\":\"draft 1 has no FAQ\"}}");
  }

  @Test
  void a_published_post_carries_its_id_slug_and_title() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

    assertThat(SeoResult.saved(true, id, "garage", "Garage \"cleanouts\"").toJsonLine())
        .isEqualTo(
            "{\"ok\":true,\"seo\":{\"ok\":true,\"skipped\":false,\"published\":true,"
                + "\"postId\":\"00000000-0000-0000-0000-000000000001\",\"slug\":\"garage\","
                + "\"title\":\"Garage \\\"cleanouts\\\"\"}}");
    assertThat(SeoResult.saved(false, id, "garage", "G").outcome()).isEqualTo("drafted");
  }
}
