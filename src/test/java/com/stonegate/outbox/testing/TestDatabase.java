package com.stonegate.outbox.testing;

import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for each test, on the real PostgreSQL of {@link PostgresServer}: migrated (a
 * copy of a template migrated once per test run) or empty, for tests of the migrations themselves.
 * Dropped after the test.
 *
 * <pre>{@code @RegisterExtension final TestDatabase db = TestDatabase.migrated();}</pre>
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  /** Every test database's name starts with this, so leftovers of a killed run can be found. */
  public static final String PREFIX = "outbox_t_";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestDatabase.class);

  private final boolean migrated;
  private PostgresServer server;
  private String name;
  private DatabaseConfig config;
  private HikariDataSource dataSource;

  private TestDatabase(boolean migrated) {
    this.migrated = migrated;
  }

  public static TestDatabase migrated() {
    return new TestDatabase(true);
  }

  public static TestDatabase empty() {
    return new TestDatabase(false);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    server =
        store.getOrComputeIfAbsent("server", k -> PostgresServer.start(), PostgresServer.class);
    name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (migrated) {
      Template template =
          store.getOrComputeIfAbsent("template", k -> new Template(server), Template.class);
      server.execute("CREATE DATABASE " + name + " TEMPLATE " + template.name);
    } else {
      server.execute("CREATE DATABASE " + name);
    }
    config = server.database(name);
    dataSource = Database.pool(config, "test-" + name, 8);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (dataSource == null) {
      return; // beforeEach failed; its error is the one to see
    }
    dataSource.close();
    server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /** Where this database is, e.g. for a worker process's DATABASE_URL. */
  public DatabaseConfig config() {
    return config;
  }

  /** A {@code jdbc:postgresql://} URL with the credentials in it, for DATABASE_URL. */
  public String url() {
    return config.urlWithCredentials();
  }

  public PostgresServer server() {
    return server;
  }

  /** Runs a script of statements separated by semicolons at line ends (no dollar quoting). */
  public void runScript(String resource) {
    try (var in = TestDatabase.class.getResourceAsStream(resource)) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      update(script);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }

  /** Statements and queries on this database. */
  public Sql sql() {
    return new Sql(dataSource);
  }

  /** Runs one or more statements. */
  public int update(String sql, Object... params) {
    return sql().update(sql, params);
  }

  /** Rows as column→value maps. */
  public List<Map<String, Object>> query(String sql, Object... params) {
    return sql().query(sql, params);
  }

  /** The single value of a one-row, one-column query. */
  public <T> T value(String sql, Object... params) {
    return sql().value(sql, params);
  }

  public long count(String sql, Object... params) {
    return sql().count(sql, params);
  }

  /** The migrated database every test database is copied from; dropped after the run. */
  private static final class Template implements AutoCloseable {
    final String name = PREFIX + "template_" + UUID.randomUUID().toString().substring(0, 8);
    final PostgresServer server;

    Template(PostgresServer server) {
      this.server = server;
      server.execute("CREATE DATABASE " + name);
      try (HikariDataSource ds = Database.pool(server.database(name), "template", 2)) {
        Database.migrate(ds);
      }
    }

    @Override
    public void close() {
      server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
