package com.stonegate.outbox.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.stonegate.outbox.config.OpenAiConfig;
import java.time.Duration;

/**
 * Builds the official SDK's client from {@link OpenAiConfig}: the API key, {@code OPENAI_BASE_URL}
 * when set (a proxy, Azure, or a test's stand-in), and the timeout.
 *
 * <p>{@code OPENAI_TIMEOUT_MS} bounds one call with its retry: the SDK tries at most twice (a
 * connection error, 408, 409, 429 or 5xx is retried once, after the server's {@code retry-after-ms}
 * or a short backoff), each try at most half of the timeout. The client reads no environment
 * variables of its own.
 */
public final class OpenAiClients {
  /** Retries after the first try: one, so a transient 5xx costs little and a dead API is quick. */
  static final int MAX_RETRIES = 1;

  private OpenAiClients() {}

  /**
   * A client for {@code config}; close it when done (it owns an HTTP connection pool).
   *
   * @throws IllegalStateException when {@code OPENAI_API_KEY} is not set; check {@link
   *     OpenAiConfig#configured()} first
   */
  public static OpenAIClient create(OpenAiConfig config) {
    String apiKey =
        config.apiKey().orElseThrow(() -> new IllegalStateException("OPENAI_API_KEY is not set"));
    Duration perTry = config.timeout().dividedBy(MAX_RETRIES + 1);
    OpenAIOkHttpClient.Builder builder =
        OpenAIOkHttpClient.builder()
            .apiKey(apiKey)
            .timeout(Timeout.builder().request(perTry).connect(perTry).build())
            .maxRetries(MAX_RETRIES);
    config.baseUrl().ifPresent(builder::baseUrl);
    return builder.build();
  }

  /**
   * A client for one {@link OpenAiConfig}, built on first use, so work that never calls OpenAI pays
   * nothing for it; {@link #close()} closes it when it was built.
   */
  public static final class Lazy implements AutoCloseable {
    private final OpenAiConfig config;
    private OpenAIClient client;

    public Lazy(OpenAiConfig config) {
      this.config = config;
    }

    /**
     * The client, built on the first call.
     *
     * @throws IllegalStateException when {@code OPENAI_API_KEY} is not set (see {@link
     *     OpenAiClients#create})
     */
    public synchronized OpenAIClient get() {
      if (client == null) {
        client = create(config);
      }
      return client;
    }

    @Override
    public synchronized void close() {
      if (client != null) {
        client.close();
      }
    }
  }
}
