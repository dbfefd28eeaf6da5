package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.HttpConfig;
import com.stonegate.outbox.health.HeartbeatStore;
import com.stonegate.outbox.health.Heartbeats;
import com.stonegate.outbox.health.Readiness;
import com.stonegate.outbox.health.SnapshotCache;
import com.stonegate.outbox.health.SnapshotQueries;
import com.stonegate.outbox.http.AdminServer;
import com.stonegate.outbox.http.SeoTrigger;
import com.stonegate.outbox.metrics.OutboxMetrics;
import com.stonegate.outbox.metrics.QueueGauges;
import com.stonegate.outbox.notify.DeliveryLedger;
import com.stonegate.outbox.queue.OutboxStore;
import com.stonegate.outbox.queue.OutboxWorker;
import com.stonegate.outbox.seo.SeoResult;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs beside the poll loop of {@code run}, or alone in {@code serve}: this instance's
 * heartbeat row and, unless {@code OUTBOX_HTTP_ENABLED=0}, the HTTP server with the snapshots
 * behind readiness and the gauges. Probes use a pool of their own, so they never wait behind
 * handlers.
 */
final class Operations implements AutoCloseable {
  /** How often readiness and the gauges get fresh numbers from the database. */
  static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(Operations.class);

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private AdminServer server;

  private Operations() {}

  /**
   * @param polling true for {@code run} (readiness and the heartbeat follow the poll loop), false
   *     for {@code serve}
   */
  static Operations start(Application app, boolean polling, SeoTrigger seo) {
    Operations ops = new Operations();
    try {
      ops.open(app, polling, seo);
      return ops;
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  private void open(Application app, boolean polling, SeoTrigger seo) {
    Clock clock = Clock.systemUTC();
    HttpConfig http = app.config().http();
    OutboxWorker worker = app.worker();
    Supplier<Instant> loopBeat = polling ? worker::lastBeat : null;
    HikariDataSource pool = keep(app.openPool("ops", 2, Duration.ofSeconds(5)));
    pool.setConnectionTimeout(2_000);
    HeartbeatStore heartbeatStore = new HeartbeatStore(pool);
    Duration interval = app.config().worker().heartbeatInterval();
    String mode = polling ? "run" : "serve";
    var identity = Heartbeats.identity(worker.instanceId(), mode, version(), interval, clock);
    Supplier<Instant> rowBeat = loopBeat == null ? () -> null : loopBeat;
    keep(new Heartbeats(heartbeatStore, identity, rowBeat, clock)).start();
    if (!http.enabled()) {
      log.info("http: off (OUTBOX_HTTP_ENABLED=0)");
      return;
    }
    OutboxMetrics metrics = app.metrics();
    metrics.bindJvm();
    metrics.bindPool(app.dataSource());
    metrics.bindPool(pool);
    var queries =
        new SnapshotQueries(
            pool,
            new OutboxStore(pool, app.json()),
            heartbeatStore,
            new DeliveryLedger(pool)::countUncertain);
    SnapshotCache snapshots = keep(new SnapshotCache(queries, clock, SNAPSHOT_INTERVAL));
    snapshots.start();
    QueueGauges.register(metrics.registry(), snapshots, clock);
    if (loopBeat != null) {
      QueueGauges.registerLoopBeat(metrics.registry(), loopBeat, clock);
    }
    var readiness =
        new Readiness(snapshots, loopBeat, http.workerMaxAge(), http.queueMaxAge(), clock);
    var endpoints = new AdminServer.Endpoints(worker, seo, readiness, metrics);
    Duration grace = app.config().worker().shutdownGrace();
    server = keep(new AdminServer(http, endpoints, app.json(), grace)).start();
  }

  /**
   * {@code POST /api/admin/seo/run}: one attempt of the process's autopublisher, counted in {@code
   * outbox_seo_attempts_total} like the scheduled ones.
   */
  static SeoTrigger seoTrigger(Application app) {
    return force -> {
      SeoResult result = app.seo().attempt(force, "admin");
      app.metrics().seo().attempted(result.outcome());
      return result;
    };
  }

  /** The HTTP port; -1 when the server is off. */
  int port() {
    return server == null ? -1 : server.port();
  }

  /** Stops the server (requests in progress finish first), the probes and the heartbeat. */
  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        log.warn("stopping {}: {}", e.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private <T extends AutoCloseable> T keep(T part) {
    opened.push(part);
    return part;
  }

  private static String version() {
    String version = Operations.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
