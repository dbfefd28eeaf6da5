package com.stonegate.outbox.db;

import com.stonegate.outbox.config.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server run from a Maven artifact, for a machine without one. Its files live in
 * {@code <dataDirectory>/pgdata}, so queued events survive a restart. When a server started by an
 * earlier or concurrent worker still runs on those files, it is reused rather than started twice.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres server;
  private final DatabaseConfig config;

  private EmbeddedDatabase(EmbeddedPostgres server, DatabaseConfig config) {
    this.server = server;
    this.config = config;
  }

  public static EmbeddedDatabase start(Path dataDirectory) {
    Path pgdata = dataDirectory.resolve("pgdata").toAbsolutePath();
    Optional<Integer> running = runningPort(pgdata);
    if (running.isPresent()) {
      return new EmbeddedDatabase(null, configFor(running.get()));
    }
    try {
      Files.createDirectories(pgdata);
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgdata)
              .setCleanDataDirectory(false)
              // We stop it ourselves, after the worker has released its leases.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      return new EmbeddedDatabase(server, configFor(server.getPort()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgdata, e);
    }
  }

  public DatabaseConfig config() {
    return config;
  }

  /** Whether this process started the server (false when it reused a running one). */
  public boolean owned() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static DatabaseConfig configFor(int port) {
    return new DatabaseConfig(
        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
  }

  /** The port of a live postmaster on these files, from its {@code postmaster.pid}. */
  private static Optional<Integer> runningPort(Path pgdata) {
    Path pidFile = pgdata.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      long pid = Long.parseLong(lines.get(0).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable or half-written: start our own
    }
  }
}
