package com.stonegate.outbox.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 on a bare socket, for requests no well-behaved client sends: bytes that are not UTF-8,
 * bodies larger than declared or sent a byte at a time. Answers are reduced to their status code.
 */
final class RawClient {
  /** The status when the server closed the connection without an answer. */
  static final int NO_ANSWER = -1;

  private final int port;

  RawClient(int port) {
    this.port = port;
  }

  /** Sends {@code head} (the request line and headers, CRLF-terminated) and {@code body}. */
  int send(String head, byte[] body) throws IOException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // The server answered and closed before taking the whole body: read what it said.
      }
      return status(socket.getInputStream());
    }
  }

  /**
   * Sends {@code head}, then the body one byte every {@code interval}, until the server answers.
   */
  int trickle(String head, Duration interval, ScheduledExecutorService timer) throws IOException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ScheduledFuture<?> drip =
          timer.scheduleAtFixedRate(
              () -> {
                try {
                  out.write('x');
                  out.flush();
                } catch (IOException e) {
                  throw new IllegalStateException("closed", e); // ends the drip
                }
              },
              interval.toMillis(),
              interval.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        return status(socket.getInputStream());
      } finally {
        drip.cancel(false);
      }
    }
  }

  private Socket open() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
    return socket;
  }

  /** The status code of the answer's first line. */
  private static int status(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    try {
      for (int c; (c = in.read()) != -1 && c != '\n'; ) {
        line.append((char) c);
      }
    } catch (IOException e) {
      return NO_ANSWER; // reset by the server
    }
    String[] parts = line.toString().split(" ");
    return parts.length > 1 && parts[0].startsWith("HTTP/")
        ? Integer.parseInt(parts[1])
        : NO_ANSWER;
  }
}
