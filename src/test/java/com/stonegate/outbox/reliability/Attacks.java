package com.stonegate.outbox.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** The hostile requests of {@link HostileHttpIT}; each returns the status codes it got. */
final class Attacks {
  private static final byte[] NOT_UTF8 = {'{', '"', 'l', (byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'};

  private final HttpClient http;
  private final RawClient raw;
  private final int port;
  private final String key;
  private final ScheduledExecutorService drip;

  Attacks(HttpClient http, RawClient raw, int port, String key, ScheduledExecutorService drip) {
    this.http = http;
    this.raw = raw;
    this.port = port;
    this.key = key;
    this.drip = drip;
  }

  /** Random keys as {@code x-api-key} and as bearer tokens, with a valid body. */
  List<Integer> bruteForce(int n) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String guess = i % 7 == 0 ? key.substring(0, key.length() - 1) : HostileHttpIT.randomKey();
      HttpRequest.Builder request = post("{\"limit\": 50}");
      request =
          i % 2 == 0
              ? request.header("x-api-key", guess)
              : request.header("Authorization", "Bearer " + guess);
      statuses.add(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }
    return statuses;
  }

  /** Bodies that are not UTF-8, with the right key; and a key that is not UTF-8. */
  List<Integer> invalidUtf8(int n) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(raw.send(head("x-api-key: " + key, NOT_UTF8.length), NOT_UTF8));
      byte[] badKey = "x-api-key: \u00ff\u00fe\u00c3(".getBytes(StandardCharsets.ISO_8859_1);
      String keyHeader = new String(badKey, StandardCharsets.ISO_8859_1);
      statuses.add(raw.send(head(keyHeader, 2), "{}".getBytes(StandardCharsets.US_ASCII)));
    }
    return statuses;
  }

  /** Bodies of 16 KiB (the most the server reads) that are not JSON, with the right key. */
  List<Integer> garbage(int n) throws Exception {
    byte[] body = new byte[16 * 1024];
    Arrays.fill(body, (byte) '{');
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(raw.send(head("x-api-key: " + key, body.length), body));
    }
    return statuses;
  }

  /** 10 MB declared up front, and 10 MB streamed without a length, both with the right key. */
  List<Integer> tenMegabytes(int n) throws Exception {
    byte[] body = new byte[10 * 1024 * 1024];
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(raw.send(head("x-api-key: " + key, body.length), body));
      HttpRequest streamed =
          request()
              .header("x-api-key", key)
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
              .build();
      statuses.add(send(streamed));
    }
    return statuses;
  }

  /** 3,000 headers on a dispatch with the right key. */
  List<Integer> thousandsOfHeaders(int n) throws Exception {
    StringBuilder headers = new StringBuilder("x-api-key: " + key);
    for (int i = 0; i < 3000; i++) {
      headers.append("\r\nX-Fuzz-").append(i).append(": v");
    }
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(raw.send(head(headers.toString(), 2), "{}".getBytes(StandardCharsets.US_ASCII)));
    }
    return statuses;
  }

  /** Requests no parser should accept: smuggling, bad lengths, bad chunks, garbage, long URIs. */
  List<Integer> malformed() throws IOException {
    String k = "x-api-key: " + key + "\r\n";
    List<String> requests =
        List.of(
            "POST "
                + HostileHttpIT.DISPATCH
                + " HTTP/1.1\r\nHost: x\r\n"
                + k
                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST "
                + HostileHttpIT.DISPATCH
                + " HTTP/1.1\r\nHost: x\r\n"
                + k
                + "Content-Length: -1\r\n\r\n{}",
            "POST "
                + HostileHttpIT.DISPATCH
                + " HTTP/1.1\r\nHost: x\r\n"
                + k
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "POST " + HostileHttpIT.DISPATCH + " HTTP/1.1\r\n" + k + "Content-Length: 2\r\n\r\n{}",
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "\u0000\u0001\u0002 \u00ff HTTP/9.9\r\n\r\n",
            "POST "
                + HostileHttpIT.DISPATCH
                + " HTTP/1.1\r\nHost: x\r\n"
                + k
                + "X-HTTP-Method-Override: GET\r\nContent-Length: 2\r\n\r\n{}");
    List<Integer> statuses = new ArrayList<>();
    for (String request : requests) {
      statuses.add(raw.send(request, new byte[0]));
    }
    return statuses;
  }

  /** A dispatch with the right key whose 2,000-byte body comes at four bytes a second. */
  List<Integer> trickle() throws IOException {
    return List.of(raw.trickle(head("x-api-key: " + key, 2000), Duration.ofMillis(250), drip));
  }

  HttpResponse<String> dispatch(String key, String body) throws Exception {
    return http.send(
        post(body).header("x-api-key", key).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int send(HttpRequest request) throws Exception {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return RawClient.NO_ANSWER;
    }
  }

  private HttpRequest.Builder post(String body) {
    return request().POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HostileHttpIT.DISPATCH))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
  }

  private static String head(String headers, long contentLength) {
    return "POST "
        + HostileHttpIT.DISPATCH
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + headers
        + "\r\nContent-Length: "
        + contentLength
        + "\r\nConnection: close\r\n\r\n";
  }
}
