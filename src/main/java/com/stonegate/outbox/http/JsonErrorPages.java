package com.stonegate.outbox.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a route runs (a malformed request line, headers over the
 * limit, a body arriving too slowly), as {@code {"error":"<reason>"}} like every other answer:
 * never an HTML page, a stack trace or a server version.
 */
final class JsonErrorPages extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
    String body = Replies.errorBody(reason(code));
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** {@code 431} → {@code request_header_fields_too_large}. */
  static String reason(int code) {
    String message = HttpStatus.getMessage(code);
    return message == null
        ? "error"
        : message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
