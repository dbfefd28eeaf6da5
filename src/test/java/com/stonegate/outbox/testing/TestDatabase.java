package com.stonegate.outbox.testing;

import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    String url = config.jdbcUrl();
    if (config.user() == null) {
      return url;
    }
    String credentials =
        "user="
            + config.user()
            + (config.password() == null ? "" : "&password=" + config.password());
    return url + (url.contains("?") ? "&" : "?") + credentials;
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

  /** Runs one or more statements. */
  public int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.execute();
      return Math.max(s.getUpdateCount(), 0);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows as column→value maps. */
  public List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single value of a one-row, one-column query. */
  @SuppressWarnings("unchecked") // the caller names the column's Java type
  public <T> T value(String sql, Object... params) {
    List<Map<String, Object>> rows = query(sql, params);
    return (T) rows.get(0).values().iterator().next();
  }

  public long count(String sql, Object... params) {
    return ((Number) value(sql, params)).longValue();
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
