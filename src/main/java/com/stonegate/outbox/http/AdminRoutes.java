package com.stonegate.outbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.queue.BatchSummary;
import com.stonegate.outbox.queue.OutboxWorker;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/admin/outbox/dispatch} and {@code POST /api/admin/seo/run}: check the key, read
 * the body, call the engine or the autopublisher, answer JSON. Nothing else.
 */
final class AdminRoutes {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;

  private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);

  private final AdminAuth auth;
  private final RequestBody body;
  private final OutboxWorker worker;
  private final SeoTrigger seo;
  private final ObjectMapper json;

  AdminRoutes(AdminAuth auth, OutboxWorker worker, SeoTrigger seo, ObjectMapper json) {
    this.auth = auth;
    this.body = new RequestBody(json);
    this.worker = worker;
    this.seo = seo;
    this.json = json;
  }

  /** Runs one batch of at most {@code limit} events through the engine, like a poll. */
  void dispatch(Context ctx) {
    auth.require(ctx);
    int limit = limit(body.object(ctx).get("limit"));
    BatchSummary summary;
    try {
      summary = worker.runOnce(limit);
    } catch (SQLException e) {
      log.warn("dispatch: cannot reach the database: {}", e.toString());
      throw new ApiError(503, "database_unavailable");
    }
    Replies.json(ctx, 200, summary.toJson());
  }

  /** Runs one SEO attempt; {@code force} skips the quota and spacing checks. */
  void runSeo(Context ctx) throws Exception {
    auth.require(ctx);
    JsonNode force = body.object(ctx).get("force");
    if (force != null && !force.isNull() && !force.isBoolean()) {
      throw ApiError.badRequest("invalid_force");
    }
    Object result = seo.attempt(force != null && force.asBoolean());
    ObjectNode answer = json.createObjectNode().put("ok", true);
    answer.set("result", json.valueToTree(result));
    Replies.json(ctx, 200, json.writeValueAsString(answer));
  }

  /**
   * Absent or null: the default. A positive integer (also written {@code 20.0} or {@code 1e3}):
   * itself, at most {@link #MAX_LIMIT}. Anything else (a fraction, zero, a negative number, a
   * string, a boolean): 400 {@code invalid_limit}.
   */
  static int limit(JsonNode node) {
    if (node == null || node.isNull()) {
      return DEFAULT_LIMIT;
    }
    if (!node.isNumber() || !(node.isIntegralNumber() || node.canConvertToExactIntegral())) {
      throw ApiError.badRequest("invalid_limit");
    }
    BigInteger value =
        node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue().toBigInteger();
    if (value.signum() <= 0) {
      throw ApiError.badRequest("invalid_limit");
    }
    return value.min(BigInteger.valueOf(MAX_LIMIT)).intValueExact();
  }
}
