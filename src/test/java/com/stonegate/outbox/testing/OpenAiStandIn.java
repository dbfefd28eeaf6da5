package com.stonegate.outbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.OpenAiConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for OpenAI's Responses endpoint ({@code POST /v1/responses}) on 127.0.0.1, speaking
 * the real wire format, so the official SDK runs unchanged against it. Replies are scripted in
 * order ({@link #enqueue}); when none is scripted the fallback answers (by default a 500).
 */
public final class OpenAiStandIn implements AutoCloseable {
  public static final String API_KEY = "sk-test-stand-in";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<OpenAiReply> scripted = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Function<JsonNode, OpenAiReply> fallback = request -> OpenAiReply.status(500);

  private OpenAiStandIn(HttpServer server) {
    this.server = server;
  }

  public static OpenAiStandIn start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      OpenAiStandIn standIn = new OpenAiStandIn(server);
      server.createContext("/v1/responses", standIn::handle);
      server.setExecutor(standIn.threads);
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For {@code OPENAI_BASE_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** A configuration pointing at this stand-in, with {@code timeout} per call. */
  public OpenAiConfig config(Duration timeout) {
    return new OpenAiConfig(Optional.of(API_KEY), Optional.of(baseUrl()), "gpt-5-mini", timeout, 4);
  }

  /** Replies to the next requests, in order, before the fallback is used again. */
  public void enqueue(OpenAiReply... replies) {
    scripted.addAll(List.of(replies));
  }

  /** How requests without a scripted reply are answered. */
  public void fallback(Function<JsonNode, OpenAiReply> answer) {
    this.fallback = answer;
  }

  /** The JSON bodies received, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The Authorization headers received, in order. */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = json.readTree(exchange.getRequestBody());
      requests.add(body);
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      OpenAiReply reply =
          Optional.ofNullable(scripted.poll()).orElseGet(() -> fallback.apply(body));
      reply.await(closed);
      byte[] bytes = reply.body(body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      // The SDK honours this, so its retries of a 5xx cost a millisecond, not half a second.
      exchange.getResponseHeaders().add("retry-after-ms", "1");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test); nothing to answer
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
