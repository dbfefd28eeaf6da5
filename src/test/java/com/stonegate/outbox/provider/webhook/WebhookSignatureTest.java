package com.stonegate.outbox.provider.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void signature_matches_the_standard_webhooks_reference_vector() {
    // The test vector of the Standard Webhooks reference libraries.
    assertThat(
            WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void a_secret_without_the_whsec_prefix_is_used_as_utf8_bytes() {
    assertThat(WebhookSignature.key("plain-secret"))
        .isEqualTo("plain-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(WebhookSignature.sign("plain-secret", "id", 1, "{}"))
        .startsWith("v1,")
        .isNotEqualTo(WebhookSignature.sign("other", "id", 1, "{}"));
  }
}
