package com.stonegate.outbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One scripted answer of {@link OpenAiStandIn}: a Responses-API response carrying {@code text}, or
 * an error status; optionally held back until a gate opens or a delay passes.
 *
 * @param status the HTTP status
 * @param text the assistant's output text (status 200), else the error message
 * @param gate when set, the reply waits for it (or for the stand-in to close)
 * @param delay how long the reply is held back (zero: not at all)
 */
public record OpenAiReply(int status, String text, CountDownLatch gate, Duration delay) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A completed response whose output text is {@code text}. */
  public static OpenAiReply text(String text) {
    return new OpenAiReply(200, text, null, Duration.ZERO);
  }

  /** An error response, as OpenAI sends one. */
  public static OpenAiReply status(int status) {
    return new OpenAiReply(status, "stand-in error " + status, null, Duration.ZERO);
  }

  /** This reply, sent only once {@code gate} opens. */
  public OpenAiReply heldUntil(CountDownLatch gate) {
    return new OpenAiReply(status, text, gate, delay);
  }

  /** This reply, sent only after {@code delay} (longer than a client's timeout: a stall). */
  public OpenAiReply after(Duration delay) {
    return new OpenAiReply(status, text, gate, delay);
  }

  void await(CountDownLatch closed) throws InterruptedException {
    if (gate != null) {
      gate.await(30, TimeUnit.SECONDS);
    }
    if (!delay.isZero()) {
      closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  String body(JsonNode request) {
    if (status != 200) {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("message", text).put("type", "server_error");
      return error.toString();
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("id", "resp_standin").put("object", "response").put("created_at", 1_700_000_000);
    response.put("status", "completed").put("model", request.path("model").asText("gpt-5-mini"));
    ObjectNode message = response.putArray("output").addObject();
    message.put("type", "message").put("id", "msg_standin").put("status", "completed");
    message.put("role", "assistant");
    ObjectNode content = message.putArray("content").addObject();
    content.put("type", "output_text").put("text", text).putArray("annotations");
    response.put("parallel_tool_calls", true).put("tool_choice", "auto").putArray("tools");
    response.putNull("error").putNull("incomplete_details").putObject("metadata");
    return response.toString();
  }
}
