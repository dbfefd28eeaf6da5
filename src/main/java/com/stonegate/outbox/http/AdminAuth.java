package com.stonegate.outbox.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin key check. The key comes from {@code x-api-key}, else from {@code Authorization:
 * Bearer}. Both sides are hashed before an {@link MessageDigest#isEqual} comparison, so neither the
 * key's length nor its content shows in the time an answer takes. Without a configured key every
 * call is refused (fail closed).
 */
final class AdminAuth {
  private final byte[] keyDigest;

  /**
   * @param adminApiKey empty: refuse every call
   */
  AdminAuth(Optional<String> adminApiKey) {
    this.keyDigest = adminApiKey.map(AdminAuth::sha256).orElse(null);
  }

  /** Throws 401 {@code unauthorized} unless the request carries the key. */
  void require(Context ctx) {
    String presented = presentedKey(ctx);
    boolean match = presented != null && keyDigest != null;
    // Hash even when there is nothing to compare, so a refusal takes as long as a comparison.
    byte[] digest = sha256(presented == null ? "" : presented);
    if (!(match && MessageDigest.isEqual(keyDigest, digest))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthorized");
    }
  }

  private static String presentedKey(Context ctx) {
    String key = ctx.header("x-api-key");
    if (key != null && !key.isBlank()) {
      return key.trim();
    }
    String authorization = ctx.header("Authorization");
    if (authorization != null
        && authorization.length() > 7
        && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      String token = authorization.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    return null;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
