package com.stonegate.outbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import com.stonegate.outbox.testing.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's limits: every mistake or attack gets a JSON 4xx, never a 500. */
class HostileRequestsTest {
  private static final String DISPATCH = "/api/admin/outbox/dispatch";
  private static final String[] KEY = {"x-api-key", AdminApi.KEY};

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  private AdminApi api;

  @BeforeEach
  void setUp() {
    Handlers handlers = Handlers.builder().add("test.ok", e -> Handled.processed()).build();
    api = new AdminApi(db, AdminApi.Options.defaults(handlers));
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  @Test
  void a_body_over_16_kib_is_413_whether_declared_or_streamed() throws Exception {
    String body = "{\"limit\": 1, \"pad\": \"" + "x".repeat(16 * 1024) + "\"}";
    String headers =
        "POST " + DISPATCH + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + AdminApi.KEY;

    // Sent over a raw socket, each only as far as the server must read to refuse it: whatever it
    // leaves unread when it closes can make the kernel reset the connection, and a reset can
    // swallow the answer before the client reads it (a flaky test, not a server fault).
    String declared = raw(headers + "\r\nContent-Length: " + body.length() + "\r\n\r\n");
    String streamed =
        raw(
            headers
                + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length())
                + "\r\n"
                + body.substring(0, 16 * 1024 + 1));

    for (String answer : List.of(declared, streamed)) {
      assertThat(answer).startsWith("HTTP/1.1 413").endsWith("{\"error\":\"payload_too_large\"}");
    }
  }

  @Test
  void a_body_of_exactly_16_kib_is_read() {
    String prefix = "{\"limit\": 1, \"pad\": \"";
    String body = prefix + "x".repeat(16 * 1024 - prefix.length() - 2) + "\"}";

    assertThat(api.client.post(DISPATCH, body, KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void a_ten_megabyte_body_is_refused_without_being_read() throws Exception {
    // Only the headers are sent: the answer must come without waiting for the declared 10 MB.
    // (Sending the body as well races the server's close: a reset can swallow the answer.)
    String answer =
        raw(
            "POST "
                + DISPATCH
                + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                + AdminApi.KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 413").endsWith("{\"error\":\"payload_too_large\"}");
  }

  @Test
  void wrong_method_is_405_with_allow_and_unknown_path_is_404_both_json() {
    HttpResponse<String> get = api.client.get(DISPATCH, KEY);
    HttpResponse<String> delete = api.client.send(api.client.request("/healthz").DELETE());
    HttpResponse<String> unknown = api.client.post("/api/admin/nothing", "{}", KEY);

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(get.body()).isEqualTo("{\"error\":\"method_not_allowed\"}");
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"error\":\"not_found\"}");
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void thousands_of_headers_are_431_json() {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      headers.add("X-Fuzz-" + i);
      headers.add("v");
    }

    HttpResponse<String> answer = api.client.get("/healthz", headers.toArray(new String[0]));

    assertThat(answer.statusCode()).isEqualTo(431);
    assertThat(answer.body()).isEqualTo("{\"error\":\"request_header_fields_too_large\"}");
  }

  @Test
  void a_malformed_request_line_is_400_json_without_server_details() throws Exception {
    String answer = raw("GET /%zz\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400").contains("{\"error\":\"bad_request\"}");
    assertThat(answer).doesNotContainIgnoringCase("jetty").doesNotContain("Server:");
  }

  @Test
  void a_method_override_header_is_refused_so_a_get_never_dispatches() {
    db.update("INSERT INTO outbox_events (type, payload) VALUES ('test.ok', '{}')");

    HttpResponse<String> answer =
        api.client.get(DISPATCH, "X-HTTP-Method-Override", "POST", "x-api-key", AdminApi.KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"method_override_not_supported\"}");
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL")).isOne();
  }

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.client.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
