package com.stonegate.outbox.bench;

import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A scratch database on the configured server, migrated like production (the worker's own table,
 * indexes and trigger), dropped on close. Nothing of the configured database is touched.
 */
final class Scratch implements AutoCloseable {
  private final DatabaseConfig server;
  final String name = "outbox_bench_" + UUID.randomUUID().toString().substring(0, 8);
  final DatabaseConfig config;
  final HikariDataSource pool;

  Scratch(DatabaseConfig server) throws SQLException {
    this.server = server;
    execute(server, "CREATE DATABASE " + name);
    this.config = server.withDatabase(name);
    this.pool = Database.pool(config, "bench", 4);
    Database.migrate(pool);
  }

  /** DATABASE_URL for a worker process: the JDBC URL with the credentials in it. */
  String url() {
    return config.urlWithCredentials();
  }

  /** Empties the table, inserts {@code n} events, then VACUUM ANALYZE and a checkpoint. */
  void fill(long n, String type, String payloadSql) throws SQLException {
    execute(config, "TRUNCATE outbox_events");
    execute(
        config,
        "INSERT INTO outbox_events (type, payload, created_at) SELECT '"
            + type
            + "', "
            + payloadSql
            + ", now() + g * interval '1 microsecond' FROM generate_series(1, "
            + n
            + ") g");
    settle();
  }

  /** VACUUM ANALYZE and CHECKPOINT: every phase starts from a clean, flushed table. */
  void settle() throws SQLException {
    execute(config, "VACUUM ANALYZE outbox_events", "CHECKPOINT");
  }

  long count(String where) throws SQLException {
    return queryLong("SELECT count(*) FROM outbox_events WHERE " + where);
  }

  long queryLong(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  String show(String setting) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  void execute(String... sql) throws SQLException {
    execute(config, sql);
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Outside any pool and transaction, as CREATE DATABASE and VACUUM need. */
  private static void execute(DatabaseConfig where, String... sql) throws SQLException {
    try (Connection c = Database.connect(where, "bench");
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }
}
