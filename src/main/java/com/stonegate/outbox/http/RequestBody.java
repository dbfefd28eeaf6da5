package com.stonegate.outbox.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an admin request's JSON body within {@link #MAX_BYTES}: a larger declared or actual body is
 * 413 before more is read; a body that is not one JSON object (bad syntax, invalid UTF-8, duplicate
 * keys, trailing data) is 400 {@code invalid_json}; an empty body is an empty object (defaults).
 */
final class RequestBody {
  /** The largest body accepted: 16 KiB, ample for {@code {"limit": n}}. */
  static final int MAX_BYTES = 16 * 1024;

  private final ObjectReader reader;

  RequestBody(ObjectMapper json) {
    this.reader =
        json.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  ObjectNode object(Context ctx) {
    byte[] bytes = read(ctx);
    if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode node;
    try {
      node = reader.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      throw ApiError.badRequest("invalid_json");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("invalid_json");
    }
    return (ObjectNode) node;
  }

  private static byte[] read(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_BYTES) {
      throw new ApiError(413, "payload_too_large");
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      // The client stopped sending, too slowly for Jetty's limits, or sent a broken chunk.
      throw new ApiError(408, "request_timeout");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ApiError(413, "payload_too_large");
    }
    return bytes;
  }
}
