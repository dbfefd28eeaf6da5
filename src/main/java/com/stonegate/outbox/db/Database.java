package com.stonegate.outbox.db;

import com.stonegate.outbox.config.DatabaseConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Opens the connection pool and applies the worker's migrations. */
public final class Database {
  /**
   * Flyway's history table. Named for the worker so it never meets a table of the API's (the API
   * has its own migration history in the same schema).
   */
  public static final String HISTORY_TABLE = "outbox_worker_schema_history";

  private Database() {}

  /**
   * A pool that does not touch the database until first used, so a polling worker can start while
   * the database is still coming up.
   */
  public static HikariDataSource pool(DatabaseConfig config, String name, int size) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(Math.min(2, size));
    hikari.setInitializationFailTimeout(-1);
    hikari.setConnectionTimeout(10_000);
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    // Shown in pg_stat_activity, so an operator can tell the worker's connections apart.
    hikari.addDataSourceProperty("ApplicationName", "outbox-worker:" + name);
    return new HikariDataSource(hikari);
  }

  /**
   * Applies every pending migration. Safe when several workers start at once: Flyway serialises
   * them with an advisory lock. An existing StonegateOS schema without our history table is
   * baselined at version 0, so all of our (idempotent) migrations still run on it.
   */
  public static int migrate(DataSource dataSource) {
    FluentConfiguration flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0");
    // A session-level lock instead of an open transaction, which CREATE INDEX CONCURRENTLY would
    // wait for forever.
    flyway
        .getConfigurationExtension(PostgreSQLConfigurationExtension.class)
        .setTransactionalLock(false);
    return flyway.load().migrate().migrationsExecuted;
  }

  /**
   * Connects once, outside any pool, and fails at once with the driver's message when the database
   * cannot be reached (a pool would keep trying for its whole connection timeout).
   */
  public static void ping(DatabaseConfig config) throws SQLException {
    try (Connection connection = connect(config, "ping")) {
      connection.isValid(5);
    }
  }

  /**
   * One connection outside any pool, named {@code outbox-worker:<name>} in {@code
   * pg_stat_activity}, for what a pool cannot do (LISTEN, CREATE DATABASE).
   */
  public static Connection connect(DatabaseConfig config, String name) throws SQLException {
    Properties properties = new Properties();
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "outbox-worker:" + name);
    return DriverManager.getConnection(config.jdbcUrl(), properties);
  }
}
