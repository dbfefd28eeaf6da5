package com.stonegate.outbox.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The worker's HTTP server: admin API, health, readiness and metrics.
 *
 * @param enabled {@code OUTBOX_HTTP_ENABLED}: start the server in a polling worker. Defaults to 1.
 *     Never started in run-once mode.
 * @param host {@code OUTBOX_HTTP_HOST}: the address to listen on. Defaults to {@code 0.0.0.0}
 *     (every interface, so Prometheus and load balancers reach it); {@code 127.0.0.1} keeps it
 *     local.
 * @param port {@code OUTBOX_HTTP_PORT}, else {@code PORT}. Defaults to 3001; 0 picks a free port
 *     (logged at start-up).
 * @param adminApiKey {@code ADMIN_API_KEY}: the key admin calls must present. Empty means every
 *     admin call is refused.
 * @param workerMaxAge {@code READINESS_WORKER_MAX_AGE_MS}: readiness fails when the poll loop has
 *     not beaten for longer. Defaults to 90 s.
 * @param queueMaxAge {@code READINESS_MAX_QUEUE_AGE_MS}: readiness fails when the oldest due event
 *     is older. Defaults to 10 min.
 */
public record HttpConfig(
    boolean enabled,
    String host,
    int port,
    Optional<String> adminApiKey,
    Duration workerMaxAge,
    Duration queueMaxAge) {
  static final int DEFAULT_PORT = 3001;

  public HttpConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  public static HttpConfig from(Env env) {
    // PORT is often the API's own variable in a shared .env: it is read (and checked) only when
    // OUTBOX_HTTP_PORT is absent.
    int port =
        env.string("OUTBOX_HTTP_PORT").isPresent()
            ? env.integer("OUTBOX_HTTP_PORT", DEFAULT_PORT, 0, 65_535)
            : env.integer("PORT", DEFAULT_PORT, 0, 65_535);
    return new HttpConfig(
        env.flag("OUTBOX_HTTP_ENABLED", true),
        env.string("OUTBOX_HTTP_HOST", "0.0.0.0"),
        port,
        env.string("ADMIN_API_KEY"),
        env.millis("READINESS_WORKER_MAX_AGE_MS", 90_000, 1_000, WorkerConfig.DAY_MS),
        env.millis("READINESS_MAX_QUEUE_AGE_MS", 600_000, 1_000, 30 * WorkerConfig.DAY_MS));
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "HttpConfig[enabled="
        + enabled
        + ", host="
        + host
        + ", port="
        + port
        + ", adminApiKey="
        + (adminApiKey.isPresent() ? "(set)" : "(unset)")
        + ", workerMaxAge="
        + workerMaxAge
        + ", queueMaxAge="
        + queueMaxAge
        + "]";
  }
}
