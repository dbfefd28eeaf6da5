package com.stonegate.outbox.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the worker reads from its environment, parsed and validated once at start-up.
 *
 * @param database where the database is; empty means the embedded one in {@code dataDirectory}
 * @param worker the queue engine's settings
 * @param dataDirectory {@code OUTBOX_DATA_DIR}: where the embedded database keeps its files.
 *     Defaults to {@code ./.outbox}.
 * @param openAi OpenAI, for notification copy and SEO posts
 * @param notifications the event handlers' site settings, providers and analytics hooks
 * @param polling what a polling worker runs beside its loop (insert listener, daily prune)
 * @param seo the SEO autopublisher
 * @param http the HTTP server: admin API, health, readiness, metrics
 */
public record Config(
    Optional<DatabaseConfig> database,
    WorkerConfig worker,
    Path dataDirectory,
    OpenAiConfig openAi,
    NotifyConfig notifications,
    PollingConfig polling,
    SeoConfig seo,
    HttpConfig http) {

  /** Reads every variable; throws {@link ConfigException} listing every malformed one. */
  public static Config from(Env env) {
    Config config =
        new Config(
            DatabaseConfig.from(env),
            WorkerConfig.from(env),
            Path.of(env.string("OUTBOX_DATA_DIR", ".outbox")),
            OpenAiConfig.from(env),
            NotifyConfig.from(env),
            PollingConfig.from(env),
            SeoConfig.from(env),
            HttpConfig.from(env));
    env.check();
    return config;
  }

  /** The process environment over {@code ./.env}. */
  public static Config fromProcess() {
    return from(Env.load(System.getenv(), Path.of("")));
  }

  public static Config from(Map<String, String> variables) {
    return from(new Env(variables));
  }
}
