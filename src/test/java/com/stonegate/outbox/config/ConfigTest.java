package com.stonegate.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  void a_database_url_for_another_database_carries_the_credentials_percent_encoded() {
    DatabaseConfig server =
        DatabaseConfig.parse("postgres://app:p%26s%3Dw%25rd@db.example:6543/api?sslmode=require");

    DatabaseConfig scratch = server.withDatabase("outbox_bench_1");

    assertThat(scratch.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example:6543/outbox_bench_1?sslmode=require");
    assertThat(scratch.urlWithCredentials())
        .isEqualTo(
            "jdbc:postgresql://db.example:6543/outbox_bench_1?sslmode=require"
                + "&user=app&password=p%26s%3Dw%25rd");
  }

  @Test
  void defaults_match_the_original_worker() {
    Config config = Config.from(Map.of());

    WorkerConfig w = config.worker();
    assertThat(w.batchSize()).isEqualTo(10);
    assertThat(w.pollInterval()).isEqualTo(Duration.ZERO);
    assertThat(w.polling()).isFalse();
    assertThat(w.concurrency()).isEqualTo(10);
    assertThat(w.maxAttempts()).isEqualTo(8);
    assertThat(w.retryBase()).isEqualTo(Duration.ofSeconds(5));
    assertThat(w.retryMax()).isEqualTo(Duration.ofHours(1));
    assertThat(w.lease()).isEqualTo(Duration.ofMinutes(5));
    assertThat(w.migrate()).isTrue();
    assertThat(w.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.database()).isEmpty();
  }

  @Test
  void concurrency_defaults_to_the_batch_size() {
    assertThat(Config.from(Map.of("OUTBOX_BATCH_SIZE", "40")).worker().concurrency()).isEqualTo(40);
    assertThat(
            Config.from(Map.of("OUTBOX_BATCH_SIZE", "40", "OUTBOX_CONCURRENCY", "4"))
                .worker()
                .concurrency())
        .isEqualTo(4);
  }

  @Test
  void bad_values_name_the_variable_and_what_it_accepts() {
    assertThat(problems(Map.of("OUTBOX_BATCH_SIZE", "abc")))
        .containsExactly("OUTBOX_BATCH_SIZE='abc' is invalid: expected an integer from 1 to 1000");
    assertThat(problems(Map.of("OUTBOX_BATCH_SIZE", "0")))
        .singleElement()
        .asString()
        .contains("from 1 to 1000");
    assertThat(problems(Map.of("OUTBOX_BATCH_SIZE", "1001"))).hasSize(1);
    assertThat(problems(Map.of("OUTBOX_POLL_INTERVAL_MS", "-5")))
        .containsExactly(
            "OUTBOX_POLL_INTERVAL_MS='-5' is invalid: expected milliseconds from 0 to 86400000");
    assertThat(problems(Map.of("OUTBOX_MIGRATE", "maybe")))
        .containsExactly("OUTBOX_MIGRATE='maybe' is invalid: expected 1 or 0 (true/false)");
  }

  @Test
  void every_bad_variable_is_reported_at_once() {
    assertThat(
            problems(
                Map.of(
                    "OUTBOX_BATCH_SIZE",
                    "x",
                    "OUTBOX_LEASE_MS",
                    "5",
                    "DATABASE_URL",
                    "mysql://h/db")))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("OUTBOX_BATCH_SIZE="))
        .anySatisfy(p -> assertThat(p).startsWith("OUTBOX_LEASE_MS="))
        .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL="));
  }

  @Test
  void retry_maximum_below_its_base_is_rejected() {
    assertThat(problems(Map.of("OUTBOX_RETRY_BASE_MS", "10000", "OUTBOX_RETRY_MAX_MS", "1000")))
        .singleElement()
        .asString()
        .startsWith("OUTBOX_RETRY_MAX_MS=");
  }

  @Test
  void api_style_database_url_becomes_a_jdbc_url_with_decoded_credentials() {
    DatabaseConfig db =
        DatabaseConfig.parse(
            "postgres://app%40corp:p%3Ass+w%2Fd@db.internal/stonegate?sslmode=require");

    assertThat(db.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/stonegate?sslmode=require");
    assertThat(db.user()).isEqualTo("app@corp");
    assertThat(db.password()).isEqualTo("p:ss+w/d");
  }

  @Test
  void postgresql_scheme_port_and_jdbc_form_are_accepted() {
    assertThat(DatabaseConfig.parse("postgresql://u@localhost:6543/x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:6543/x");
    assertThat(DatabaseConfig.parse("postgresql://u@localhost:6543/x").password()).isNull();
    DatabaseConfig jdbc = DatabaseConfig.parse("jdbc:postgresql://h:5432/db?user=a&password=b");
    assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?user=a&password=b");
    assertThat(jdbc.user()).isNull();
  }

  @Test
  void malformed_database_url_is_reported_without_its_password() {
    List<String> problems = problems(Map.of("DATABASE_URL", "postgres://admin:hunter2@/nodb"));

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("DATABASE_URL=")
        .contains("no host")
        .doesNotContain("hunter2");
    assertThat(problems(Map.of("DATABASE_URL", "postgres://u:p@host:5432/")))
        .singleElement()
        .asString()
        .contains("no database name");
  }

  @Test
  void dot_env_is_read_and_the_environment_wins(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(".env"),
        "# comment\nexport OUTBOX_BATCH_SIZE=25\nOUTBOX_MAX_ATTEMPTS=\"3\"\nOUTBOX_LEASE_MS=60000 # one minute\n");

    Config config = Config.from(Env.load(Map.of("OUTBOX_MAX_ATTEMPTS", "4"), dir));

    assertThat(config.worker().batchSize()).isEqualTo(25);
    assertThat(config.worker().maxAttempts()).isEqualTo(4);
    assertThat(config.worker().lease()).isEqualTo(Duration.ofMinutes(1));
  }

  private static List<String> problems(Map<String, String> env) {
    try {
      Config.from(env);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ConfigException for " + env);
  }

  @Test
  void http_defaults_to_port_3001_on_every_interface_with_the_readiness_limits_of_the_issue() {
    HttpConfig http = Config.from(Map.of()).http();

    assertThat(http.enabled()).isTrue();
    assertThat(http.host()).isEqualTo("0.0.0.0");
    assertThat(http.port()).isEqualTo(3001);
    assertThat(http.adminApiKey()).isEmpty();
    assertThat(http.workerMaxAge()).isEqualTo(Duration.ofSeconds(90));
    assertThat(http.queueMaxAge()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void outbox_http_port_overrides_port_and_a_bad_port_is_ignored_when_overridden() {
    assertThat(Config.from(Map.of("PORT", "4000")).http().port()).isEqualTo(4000);
    assertThat(Config.from(Map.of("PORT", "4000", "OUTBOX_HTTP_PORT", "0")).http().port()).isZero();
    assertThat(Config.from(Map.of("PORT", "api", "OUTBOX_HTTP_PORT", "4001")).http().port())
        .isEqualTo(4001);
    assertThat(problems(Map.of("OUTBOX_HTTP_PORT", "70000")))
        .containsExactly(
            "OUTBOX_HTTP_PORT='70000' is invalid: expected an integer from 0 to 65535");
    assertThat(problems(Map.of("OUTBOX_HTTP_ENABLED", "maybe"))).hasSize(1);
    assertThat(Config.from(Map.of("OUTBOX_HTTP_ENABLED", "0")).http().enabled()).isFalse();
  }

  @Test
  void the_admin_key_never_shows_in_the_config_printed() {
    Config config = Config.from(Map.of("ADMIN_API_KEY", "s3cret-admin-key"));

    assertThat(config.http().adminApiKey()).hasValue("s3cret-admin-key");
    assertThat(config.toString()).doesNotContain("s3cret-admin-key").contains("adminApiKey=(set)");
  }
}
