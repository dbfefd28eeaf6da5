package com.stonegate.outbox.testing;

import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server tests run on: the one at {@code OUTBOX_TEST_DATABASE_URL} when set (CI sets
 * it to the machine's server), else an embedded one started for this test JVM. Tests get their own
 * databases on it; see {@link TestDatabase}.
 */
public final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final DatabaseConfig admin;

  private PostgresServer(EmbeddedPostgres embedded, DatabaseConfig admin) {
    this.embedded = embedded;
    this.admin = admin;
  }

  static PostgresServer start() {
    String url = System.getenv("OUTBOX_TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return new PostgresServer(null, DatabaseConfig.parse(url));
    }
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      return new PostgresServer(
          server,
          new DatabaseConfig(
              "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
    }
  }

  /** The same server, another database on it. */
  public DatabaseConfig database(String name) {
    return admin.withDatabase(name);
  }

  /** Runs statements that cannot run in a transaction (CREATE/DROP DATABASE). */
  public void execute(String... sql) {
    try (Connection c = Database.connect(admin, "test-admin");
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("admin statement failed: " + String.join("; ", sql), e);
    }
  }

  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
