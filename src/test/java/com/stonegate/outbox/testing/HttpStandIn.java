package com.stonegate.outbox.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an outside HTTP API (Twilio, Google, a webhook receiver, GA4) on 127.0.0.1: the
 * JDK's HttpServer, recording every request and answering with scripted replies in order, then the
 * fallback reply.
 */
public final class HttpStandIn implements AutoCloseable {
  /** One received request. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** A form field of an {@code application/x-www-form-urlencoded} body. */
    public String form(String name) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** One scripted answer; {@code headers} alternate name, value. */
  public record Reply(int status, String body, String... headers) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Reply> scripted = new ConcurrentLinkedQueue<>();
  private volatile java.util.function.Function<Request, Reply> fallback;

  private HttpStandIn(HttpServer server, java.util.function.Function<Request, Reply> fallback) {
    this.server = server;
    this.fallback = fallback;
  }

  /** Starts on a free port; answers {@code fallback} when nothing is scripted. */
  public static HttpStandIn start(Reply fallback) {
    return start(request -> fallback);
  }

  /** Starts on a free port; answers each unscripted request with {@code fallback}'s reply. */
  public static HttpStandIn start(java.util.function.Function<Request, Reply> fallback) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HttpStandIn standIn = new HttpStandIn(server, fallback);
      server.createContext("/", standIn::handle);
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void enqueue(Reply... replies) {
    scripted.addAll(List.of(replies));
  }

  public void fallback(Reply reply) {
    this.fallback = request -> reply;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body);
      requests.add(request);
      Reply reply = scripted.poll();
      if (reply == null) {
        reply = fallback.apply(request);
      }
      for (int i = 0; i + 1 < reply.headers().length; i += 2) {
        exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
