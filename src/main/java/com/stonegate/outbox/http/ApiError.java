package com.stonegate.outbox.http;

/**
 * An answer other than success, thrown by a route and written as {@code {"error":"<code>"}} with
 * its status. Carries no stack trace: it is an answer, not a fault.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  ApiError(int status, String code) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String code) {
    return new ApiError(400, code);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
