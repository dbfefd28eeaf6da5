package com.stonegate.outbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.health.Readiness;
import com.stonegate.outbox.health.ReadinessReport;
import com.stonegate.outbox.metrics.OutboxMetrics;
import io.javalin.http.Context;

/** {@code /healthz}, {@code /readyz} and {@code /metrics}: no key, no database query. */
final class HealthRoutes {
  private final Readiness readiness;
  private final OutboxMetrics metrics;
  private final ObjectMapper json;

  HealthRoutes(Readiness readiness, OutboxMetrics metrics, ObjectMapper json) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.json = json;
  }

  /** The process answers. */
  void health(Context ctx) {
    Replies.json(ctx, 200, "{\"ok\":true}");
  }

  /**
   * 200 when every check passes, else 503 naming the failing ones: {@code
   * {"ok":false,"failing":["worker"],"checks":{"database":{"ok":true,"detail":"…"},…}}}.
   */
  void ready(Context ctx) throws Exception {
    ReadinessReport report = readiness.check();
    ObjectNode answer = json.createObjectNode().put("ok", report.ready());
    if (!report.ready()) {
      answer.set("failing", json.valueToTree(report.failing()));
    }
    answer.set("checks", json.valueToTree(report.checks()));
    Replies.json(ctx, report.ready() ? 200 : 503, json.writeValueAsString(answer));
  }

  /** Prometheus text format (OpenMetrics when asked for in {@code Accept}). */
  void metrics(Context ctx) {
    OutboxMetrics.Scrape scrape = metrics.scrape(ctx.header("Accept"));
    ctx.status(200).contentType(scrape.contentType()).result(scrape.body());
  }
}
