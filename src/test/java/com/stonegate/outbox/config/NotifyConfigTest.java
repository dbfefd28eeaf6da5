package com.stonegate.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {
  @Test
  void defaults_need_no_variables() {
    NotifyConfig n = Config.from(Map.of()).notifications();

    assertThat(n.site().baseUrl()).isEqualTo("http://localhost:3000");
    assertThat(n.site().zone().getId()).isEqualTo("America/New_York");
    assertThat(n.twilio().configured()).isFalse();
    assertThat(n.twilio().maxPerSecond()).isEqualTo(1);
    assertThat(n.smtp().port()).isEqualTo(587);
    assertThat(n.smtp().maxPerSecond()).isEqualTo(5);
    assertThat(n.google().configured()).isFalse();
    assertThat(n.webhooks().targets()).isEmpty();
    assertThat(n.ga4().configured()).isFalse();
  }

  @Test
  void site_url_and_zone_fall_back_in_the_specs_order() {
    SiteConfig site =
        Config.from(
                Map.of(
                    "SITE_URL",
                    "https://b.example/",
                    "GOOGLE_CALENDAR_TIMEZONE",
                    "America/Chicago"))
            .notifications()
            .site();

    assertThat(site.baseUrl()).isEqualTo("https://b.example");
    assertThat(site.zone().getId()).isEqualTo("America/Chicago");
  }

  @Test
  void webhook_urls_take_optional_type_patterns() {
    WebhookConfig w =
        Config.from(
                Map.of(
                    "OUTBOX_WEBHOOK_URLS",
                    "quote.*=https://a.example/h?x=1, https://b.example/all"))
            .notifications()
            .webhooks();

    assertThat(w.targets()).hasSize(2);
    assertThat(w.targets().get(0).url().toString()).isEqualTo("https://a.example/h?x=1");
    assertThat(w.targets().get(0).accepts("quote.sent")).isTrue();
    assertThat(w.targets().get(0).accepts("lead.created")).isFalse();
    assertThat(w.targets().get(1).accepts("lead.created")).isTrue();
  }

  @Test
  void malformed_values_are_named() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of(
                        "TWILIO_MAX_PER_SECOND", "fast",
                        "APPOINTMENT_TIMEZONE", "Mars/Olympus",
                        "OUTBOX_WEBHOOK_URLS", "quote.*=not a url",
                        "SMTP_PORT", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TWILIO_MAX_PER_SECOND='fast'")
        .hasMessageContaining("APPOINTMENT_TIMEZONE='Mars/Olympus'")
        .hasMessageContaining("OUTBOX_WEBHOOK_URLS")
        .hasMessageContaining("SMTP_PORT='0'");
  }
}
