package com.stonegate.outbox.http;

import io.javalin.http.Context;

/** Writes JSON answers. */
final class Replies {
  static final String JSON = "application/json";

  private Replies() {}

  /** Writes {@code body}, already JSON, with {@code status}. */
  static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType(JSON).result(body);
  }

  /** Writes {@link #errorBody(String)} with {@code status}. */
  static void error(Context ctx, int status, String code) {
    json(ctx, status, errorBody(code));
  }

  /** {@code {"error":"<code>"}}; codes are constants, so nothing needs escaping. */
  static String errorBody(String code) {
    return "{\"error\":\"" + code + "\"}";
  }
}
