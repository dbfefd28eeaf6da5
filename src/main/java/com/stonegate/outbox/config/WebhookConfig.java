package com.stonegate.outbox.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operators' own endpoints that receive each finished event (analytics hooks).
 *
 * @param targets {@code OUTBOX_WEBHOOK_URLS}: comma-separated URLs, each optionally prefixed with
 *     an event-type pattern, {@code quote.*=https://…}; {@code *} matches any characters. Empty: no
 *     webhooks.
 * @param secret {@code OUTBOX_WEBHOOK_SECRET}: signs each request (Standard Webhooks). A {@code
 *     whsec_} prefix means the rest is the base64 key; otherwise the UTF-8 bytes are the key.
 *     Unset: requests are sent unsigned.
 * @param timeout {@code OUTBOX_WEBHOOK_TIMEOUT_MS}: connect and request timeout. Defaults to 10 s.
 */
public record WebhookConfig(List<Target> targets, Optional<String> secret, Duration timeout) {

  /** One endpoint and the event types it receives. */
  public record Target(String typePattern, URI url) {
    /** Whether events of {@code type} go to this endpoint. */
    public boolean accepts(String type) {
      String regex = ("\\Q" + typePattern + "\\E").replace("*", "\\E.*\\Q");
      return Pattern.matches(regex, type);
    }
  }

  public WebhookConfig {
    targets = List.copyOf(targets);
  }

  public static WebhookConfig from(Env env) {
    List<Target> targets = new ArrayList<>();
    for (String entry : env.string("OUTBOX_WEBHOOK_URLS", "").split(",")) {
      String item = entry.trim();
      if (item.isEmpty()) {
        continue;
      }
      boolean bare = item.startsWith("http://") || item.startsWith("https://");
      int eq = item.indexOf('=');
      String pattern = bare || eq < 0 ? "*" : item.substring(0, eq).trim();
      URI url = Urls.parse(bare || eq < 0 ? item : item.substring(eq + 1).trim());
      if (url == null || pattern.isEmpty()) {
        env.problem(
            "OUTBOX_WEBHOOK_URLS", item, "expected URL or type-pattern=URL, comma separated");
      } else {
        targets.add(new Target(pattern, url));
      }
    }
    String secret = env.string("OUTBOX_WEBHOOK_SECRET", "");
    if (secret.startsWith("whsec_") && !isBase64(secret.substring(6))) {
      env.problem("OUTBOX_WEBHOOK_SECRET", "whsec_…", "expected whsec_ followed by base64");
    }
    return new WebhookConfig(
        targets,
        env.string("OUTBOX_WEBHOOK_SECRET"),
        env.millis("OUTBOX_WEBHOOK_TIMEOUT_MS", 10_000, 100, 300_000));
  }

  private static boolean isBase64(String text) {
    try {
      return java.util.Base64.getDecoder().decode(text).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "WebhookConfig[targets=" + targets + ", signed=" + secret.isPresent() + "]";
  }
}
