package com.stonegate.outbox.reliability;

import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Twilio Messages API stand-in that can be switched to answering 503 (an outage) and counts the
 * messages it accepted per recipient.
 */
final class Twilio implements AutoCloseable {
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger sids = new AtomicInteger();
  private final HttpStandIn server = HttpStandIn.start(this::answer);
  private volatile boolean down;

  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  /** Messages accepted (201) per {@code To} number. */
  Map<String, Integer> accepted() {
    Map<String, Integer> counts = new HashMap<>();
    accepted.forEach((to, n) -> counts.put(to, n.get()));
    return counts;
  }

  /** The variables that point a worker here. */
  Map<String, String> variables() {
    return Map.of(
        "TWILIO_ACCOUNT_SID", "AC0123",
        "TWILIO_AUTH_TOKEN", "twilio-token",
        "TWILIO_FROM", "+14045550000",
        "TWILIO_API_BASE_URL", server.baseUrl(),
        "TWILIO_MAX_PER_SECOND", "200");
  }

  private Reply answer(HttpStandIn.Request request) {
    if (down) {
      return new Reply(503, "{\"code\":20503,\"message\":\"Service unavailable\"}");
    }
    accepted.computeIfAbsent(request.form("To"), to -> new AtomicInteger()).incrementAndGet();
    return new Reply(201, "{\"sid\":\"SM" + sids.incrementAndGet() + "\"}");
  }

  @Override
  public void close() {
    server.close();
  }
}
