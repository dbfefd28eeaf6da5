package com.stonegate.outbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.HttpConfig;
import com.stonegate.outbox.health.Readiness;
import com.stonegate.outbox.metrics.OutboxMetrics;
import com.stonegate.outbox.queue.OutboxWorker;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP server: the admin API, health, readiness and metrics on one port. Its limits
 * are chosen for a small, hostile-input-proof admin surface: 8 KiB of headers (more is 431), 16 KiB
 * of body (more is 413), the whole body within 5 s (else 408), at most 4 admin requests at once
 * (others wait, without a thread, up to 30 s, then 429), connections idle at most 30 s, at most 64
 * connections and 16 request threads: slow or many admin requests never take the threads that
 * health checks and scrapes need. Every answer, errors included, is JSON.
 */
public final class AdminServer implements AutoCloseable {
  /** What the routes call. */
  public record Endpoints(
      OutboxWorker worker, SeoTrigger seo, Readiness readiness, OutboxMetrics metrics) {}

  static final int MAX_HEADER_BYTES = 8 * 1024;
  static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);
  static final int ADMIN_CONCURRENCY = 4;
  static final Duration ADMIN_QUEUE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_CONNECTIONS = 64;
  static final int MAX_THREADS = 16;
  static final int MIN_KEY_LENGTH = 16;

  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final HttpConfig config;
  private final Javalin app;

  /**
   * @param stopTimeout how long {@link #close()} lets requests in progress finish
   */
  public AdminServer(
      HttpConfig config, Endpoints endpoints, ObjectMapper json, Duration stopTimeout) {
    this.config = config;
    AdminRoutes admin =
        new AdminRoutes(
            new AdminAuth(config.adminApiKey()), endpoints.worker(), endpoints.seo(), json);
    HealthRoutes health = new HealthRoutes(endpoints.readiness(), endpoints.metrics(), json);
    this.app =
        Javalin.create(
            c -> {
              limits(c, stopTimeout);
              // Javalin routes by X-HTTP-Method-Override; refusing it keeps a GET a GET.
              c.routes.before(AdminServer::refuseMethodOverride);
              c.routes.post("/api/admin/outbox/dispatch", admin::dispatch);
              c.routes.post("/api/admin/seo/run", admin::runSeo);
              c.routes.get("/healthz", health::health);
              c.routes.get("/readyz", health::ready);
              c.routes.get("/metrics", health::metrics);
              c.routes.exception(
                  ApiError.class, (e, ctx) -> Replies.error(ctx, e.status(), e.code()));
              c.routes.exception(HttpResponseException.class, AdminServer::javalinError);
              c.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("{} {} failed", ctx.req().getMethod(), ctx.path(), e);
                    Replies.error(ctx, 500, "internal_error");
                  });
              c.requestLogger.http(AccessLog::log);
            });
  }

  private static void refuseMethodOverride(Context ctx) {
    if (ctx.header("X-HTTP-Method-Override") != null) {
      throw ApiError.badRequest("method_override_not_supported");
    }
  }

  /** Javalin's own answers (404, 405, 413) as JSON; a 405 names the allowed methods. */
  private static void javalinError(HttpResponseException e, Context ctx) {
    String allowed = e.getDetails().get("availableMethods");
    if (allowed == null) {
      allowed = e.getDetails().get("Available methods");
    }
    if (e instanceof MethodNotAllowedResponse && allowed != null) {
      ctx.header("Allow", allowed);
    }
    Replies.error(ctx, e.getStatus(), JsonErrorPages.reason(e.getStatus()));
  }

  /** Listens; throws when the port cannot be bound. */
  public AdminServer start() {
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new ListenException(
          "cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " ("
              + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
              + "): set OUTBOX_HTTP_PORT to a free port, or OUTBOX_HTTP_ENABLED=0",
          e);
    }
    log.info("http: listening on {}:{}", config.host(), port());
    if (config.adminApiKey().isEmpty()) {
      log.warn("ADMIN_API_KEY is not set: every admin call is refused (401)");
    } else if (config.adminApiKey().get().length() < MIN_KEY_LENGTH) {
      log.warn("ADMIN_API_KEY is shorter than {} characters: easy to guess", MIN_KEY_LENGTH);
    }
    return this;
  }

  /** The port listened on (the chosen one when configured as 0). */
  public int port() {
    return app.port();
  }

  /** Stops accepting, lets requests in progress finish within the stop timeout, then stops. */
  @Override
  public void close() {
    app.stop();
  }

  private void limits(JavalinConfig c, Duration stopTimeout) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.startup.startupWatcherEnabled = false;
    c.http.prefer405over404 = true;
    c.http.maxRequestSize = RequestBody.MAX_BYTES;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("outbox-http");
    threads.setDaemon(true);
    c.jetty.threadPool = threads;
    c.jetty.modifyHttpConfiguration(AdminServer::httpLimits);
    c.jetty.addConnector(this::connector);
    c.jetty.modifyServer(
        server -> {
          server.setStopTimeout(stopTimeout.toMillis());
          server.setErrorHandler(new JsonErrorPages());
          server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
          server.insertHandler(new BodyDeadline(BODY_TIMEOUT));
          server.insertHandler(adminQueue());
        });
  }

  /**
   * At most {@link #ADMIN_CONCURRENCY} admin requests run at once; the others wait, suspended (no
   * thread held), for up to {@link #ADMIN_QUEUE_TIMEOUT}, then get 429.
   */
  private static QoSHandler adminQueue() {
    QoSHandler queue = new QoSHandler();
    queue.includePath("/api/*");
    queue.setMaxRequestCount(ADMIN_CONCURRENCY);
    queue.setMaxSuspendedRequestCount(MAX_CONNECTIONS);
    queue.setMaxSuspend(ADMIN_QUEUE_TIMEOUT);
    queue.setRejectStatusCode(429);
    return queue;
  }

  private static void httpLimits(HttpConfiguration http) {
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
  }

  private ServerConnector connector(Server server, HttpConfiguration http) {
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    // At shutdown, idle keep-alive connections are closed after this instead of Jetty's 1 s;
    // requests still in progress have the whole stop timeout.
    connector.setShutdownIdleTimeout(100);
    return connector;
  }
}
