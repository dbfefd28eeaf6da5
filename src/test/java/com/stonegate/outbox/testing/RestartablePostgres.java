package com.stonegate.outbox.testing;

import com.stonegate.outbox.config.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server a test owns and can stop (a fast shutdown: sessions are cut, as in a restart
 * by an operator or a failover) and start again on the same files and port, so clients that
 * reconnect find it where it was.
 */
public final class RestartablePostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** Starts a fresh server with its files in {@code dataDirectory}, on a free port. */
  public static RestartablePostgres start(Path dataDirectory) {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RestartablePostgres postgres = new RestartablePostgres(dataDirectory, port);
    postgres.up();
    return postgres;
  }

  /** The {@code postgres} database as the superuser. */
  public DatabaseConfig config() {
    return new DatabaseConfig(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
  }

  /** A DATABASE_URL for a worker process. */
  public String url() {
    return config().urlWithCredentials();
  }

  public synchronized void up() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
    }
  }

  /** Stops the server; its files stay for {@link #up()}. */
  public synchronized void down() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  @Override
  public void close() {
    down();
  }
}
