package com.stonegate.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.config.DatabaseConfig;
import com.stonegate.outbox.config.WorkerConfig;
import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.db.EmbeddedDatabase;
import com.stonegate.outbox.db.InsertListener;
import com.stonegate.outbox.handler.StonegateHandlers;
import com.stonegate.outbox.metrics.EngineMetrics;
import com.stonegate.outbox.metrics.OutboxMetrics;
import com.stonegate.outbox.notify.Notifications;
import com.stonegate.outbox.queue.BatchRunner;
import com.stonegate.outbox.queue.DailyPrune;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.queue.OutboxWorker;
import com.stonegate.outbox.queue.RetryPolicy;
import com.stonegate.outbox.queue.WorkerListener;
import com.stonegate.outbox.seo.SeoAutopublisher;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that wires the parts: config → database → store, handlers → worker. Every command
 * opens one, uses what it needs and closes it.
 */
public final class Application implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final Config config;
  private final EmbeddedDatabase embedded;
  private final DatabaseConfig database;
  private final HikariDataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();
  private final OutboxMetrics metrics = new OutboxMetrics();
  private final OutboxStore store;
  private final ExecutorService handlerThreads;
  private final OutboxWorker worker;
  private final Notifications notifications;
  private final Clock clock = Clock.systemUTC();
  private InsertListener listener;
  private DailyPrune prune;
  private final SeoAutopublisher seo;

  private Application(Config config, EmbeddedDatabase embedded, PrintStream out) {
    this.config = config;
    this.embedded = embedded;
    this.database = embedded != null ? embedded.config() : config.database().orElseThrow();
    WorkerConfig w = config.worker();
    // A connection for each handler running (at most 20; more wait for one), plus the claim, two
    // recordings (decision 19), lease renewal and one for the SEO job, the prune or a dispatch.
    this.dataSource = Database.pool(database, "outbox", Math.min(w.concurrency(), 20) + 5);
    this.store = new OutboxStore(dataSource, json);
    this.handlerThreads =
        Executors.newFixedThreadPool(w.concurrency(), daemonThreads("outbox-handler-"));
    this.notifications =
        Notifications.create(
            config.notifications(), config.openAi(), dataSource, clock, metrics.providers());
    RetryPolicy retry = new RetryPolicy(w.maxAttempts(), w.retryBase(), w.retryMax());
    Handlers handlers = handlers(clock);
    WorkerListener listener = new EngineMetrics(metrics.registry(), handlers.types());
    BatchRunner runner =
        new BatchRunner(handlers, retry, handlerThreads, w.concurrency(), clock, listener);
    this.worker =
        new OutboxWorker(store, runner, w, clock, summary -> out.println(summary.toJson()));
    this.seo =
        new SeoAutopublisher(dataSource, config.openAi(), config.seo(), clock, metrics.providers());
  }

  /** Opens the database (starting the embedded one when no DATABASE_URL is set) and the parts. */
  public static Application open(Config config, PrintStream out) {
    EmbeddedDatabase embedded = null;
    if (config.database().isEmpty()) {
      embedded = EmbeddedDatabase.start(config.dataDirectory());
      log.info(
          "no DATABASE_URL: using the embedded PostgreSQL at {} (data in {})",
          embedded.config().jdbcUrl(),
          config.dataDirectory().resolve("pgdata").toAbsolutePath());
    }
    return new Application(config, embedded, out);
  }

  /** Every event type the worker knows. */
  private Handlers handlers(Clock clock) {
    Handlers.Builder builder = Handlers.builder();
    StonegateHandlers.register(
        builder, notifications, dataSource, config.notifications().site(), clock);
    return builder
        // Measure the engine alone (outbox-worker bench): no work, and a stand-in for a slow
        // provider call of payload.ms milliseconds (at most a minute).
        .add("bench.noop", event -> Handled.processed())
        .add(
            "bench.sleep",
            event -> {
              Thread.sleep(Math.max(0, Math.min(event.payload().path("ms").asLong(), 60_000)));
              return Handled.processed();
            })
        .build();
  }

  /** Fails at once, with the driver's message, when the database cannot be reached. */
  public void checkDatabase() throws java.sql.SQLException {
    Database.ping(database);
  }

  /** Checks the database, then applies migrations unless OUTBOX_MIGRATE=0. */
  public void migrateIfEnabled() throws java.sql.SQLException {
    checkDatabase();
    if (config.worker().migrate()) {
      int applied = Database.migrate(dataSource);
      if (applied > 0) {
        log.info("applied {} migrations", applied);
      }
    }
  }

  /**
   * Starts what a polling worker runs beside its loop, as configured: the listener that wakes it on
   * insert (OUTBOX_LISTEN) and the daily prune (OUTBOX_RETENTION_DAYS).
   */
  public void startListenerAndPrune() {
    if (config.polling().listen()) {
      listener = InsertListener.start(database, worker::wake);
    }
    config.polling().retention().ifPresent(r -> prune = DailyPrune.start(store, r, clock));
  }

  public Config config() {
    return config;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public ObjectMapper json() {
    return json;
  }

  public OutboxStore store() {
    return store;
  }

  public OutboxWorker worker() {
    return worker;
  }

  /** The handlers' notification parts: the delivery ledger, the journal of what was sent. */
  public Notifications notifications() {
    return notifications;
  }

  /** The SEO autopublisher; {@code attempt(force)} runs one attempt. */
  public SeoAutopublisher seo() {
    return seo;
  }

  /** The process's metrics; served by {@code /metrics} in the long-running commands. */
  public OutboxMetrics metrics() {
    return metrics;
  }

  /**
   * Another pool on the same database, for probes that must not wait behind handlers; its
   * statements are cancelled by the server after {@code statementTimeout}.
   */
  public HikariDataSource openPool(String name, int size, java.time.Duration statementTimeout) {
    String url = database.jdbcUrl();
    String options = "options=-c%20statement_timeout%3D" + statementTimeout.toMillis();
    String withTimeout = url + (url.contains("?") ? "&" : "?") + options;
    return Database.pool(
        new DatabaseConfig(withTimeout, database.user(), database.password()), name, size);
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    if (prune != null) {
      prune.close();
    }
    worker.close();
    seo.close();
    handlerThreads.shutdownNow();
    dataSource.close();
    metrics.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
