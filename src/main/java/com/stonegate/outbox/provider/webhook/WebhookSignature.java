package com.stonegate.outbox.provider.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code v1,} followed by the base64
 * HMAC-SHA256 of {@code {id}.{timestamp}.{body}}. A secret of the form {@code whsec_<base64>} (the
 * convention's own) is keyed with the decoded bytes; any other secret with its UTF-8 bytes.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  /** The value of the {@code webhook-signature} header. */
  public static String sign(String secret, String id, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] signed =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static byte[] key(String secret) {
    return secret.startsWith("whsec_")
        ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
        : secret.getBytes(StandardCharsets.UTF_8);
  }
}
