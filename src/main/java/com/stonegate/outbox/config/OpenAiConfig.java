package com.stonegate.outbox.config;

import java.time.Duration;
import java.util.Optional;

/**
 * OpenAI, shared by the notification copywriter and the SEO autopublisher.
 *
 * @param apiKey {@code OPENAI_API_KEY}; empty means OpenAI is not configured (templates are used,
 *     SEO reports {@code openai_not_configured})
 * @param baseUrl {@code OPENAI_BASE_URL}; empty means the SDK's default, {@code
 *     https://api.openai.com/v1}
 * @param model {@code OPENAI_MODEL}. Defaults to {@code gpt-5-mini}.
 * @param timeout {@code OPENAI_TIMEOUT_MS}: one request, all retries included. Defaults to 30 s.
 * @param maxConcurrency {@code OPENAI_MAX_CONCURRENCY}: requests in flight at once. Defaults to 4.
 */
public record OpenAiConfig(
    Optional<String> apiKey,
    Optional<String> baseUrl,
    String model,
    Duration timeout,
    int maxConcurrency) {

  public static OpenAiConfig from(Env env) {
    return new OpenAiConfig(
        env.string("OPENAI_API_KEY"),
        env.string("OPENAI_BASE_URL"),
        env.string("OPENAI_MODEL", "gpt-5-mini"),
        env.millis("OPENAI_TIMEOUT_MS", 30_000, 1_000, 600_000),
        env.integer("OPENAI_MAX_CONCURRENCY", 4, 1, 100));
  }

  public boolean configured() {
    return apiKey.isPresent();
  }

  @Override
  public String toString() {
    return "OpenAiConfig[configured="
        + configured()
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + "]";
  }
}
