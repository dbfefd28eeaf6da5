package com.stonegate.outbox.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, duration and caller address; admin requests at INFO
 * (WARN when refused), health and metrics at DEBUG so scrapes do not fill the log. Headers, query
 * strings and bodies are never logged, so neither is the admin key.
 */
final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("com.stonegate.outbox.http.access");
  private static final int MAX_PATH = 200;

  private AccessLog() {}

  static void log(Context ctx, Float ms) {
    String path = ctx.req().getRequestURI();
    boolean admin = path.startsWith("/api/");
    int status = ctx.status().getCode();
    var event =
        !admin ? log.atDebug() : status == 401 || status == 403 ? log.atWarn() : log.atInfo();
    String shown = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path;
    String method = ctx.req().getMethod();
    long durationMs = ms == null ? 0 : Math.round(ms);
    event
        .addKeyValue("method", method)
        .addKeyValue("path", shown)
        .addKeyValue("status", status)
        .addKeyValue("durationMs", durationMs)
        .addKeyValue("remote", ctx.req().getRemoteAddr())
        .log(
            "{} {} {} in {} ms from {}",
            method,
            shown,
            status,
            durationMs,
            ctx.req().getRemoteAddr());
  }
}
