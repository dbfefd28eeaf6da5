package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API of the real process ({@code serve}: it dispatches only when asked) under a siege of
 * hostile requests from several threads at once, while an honest client keeps asking for {@code
 * /healthz}: every hostile request gets a 4xx, none a 5xx, nothing is dispatched, and the honest
 * client is answered throughout.
 */
class HostileHttpIT {
  static final String KEY = "reliability-admin-key-4f1c9a7e0b";
  static final String DISPATCH = "/api/admin/outbox/dispatch";
  static final int TRICKLERS = 16;

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final ExecutorService attackers = Executors.newFixedThreadPool(TRICKLERS + 6);
  private final ScheduledExecutorService drip = Executors.newScheduledThreadPool(2);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Queue<String> answers = new ConcurrentLinkedQueue<>();
  private final List<Long> probeMillis = new CopyOnWriteArrayList<>();
  private WorkerProcess server;
  private Attacks attacks;
  private int port;

  @BeforeEach
  void serve() {
    db.update(
        "INSERT INTO outbox_events (type, payload) SELECT 'bench.noop', '{}' FROM generate_series(1, 20)");
    server =
        WorkerProcess.start(
            workDir, Map.of("DATABASE_URL", db.url(), "ADMIN_API_KEY", KEY), "serve");
    port = server.httpPort(Duration.ofSeconds(60));
    attacks = new Attacks(http, new RawClient(port), port, KEY, drip);
  }

  @AfterEach
  void stop() {
    attackers.shutdownNow();
    drip.shutdownNow();
    server.close();
  }

  @Test
  void hostile_requests_get_a_4xx_dispatch_nothing_and_others_are_answered_meanwhile()
      throws Exception {
    List<Future<?>> siege = new ArrayList<>();
    siege.add(attack("brute-forced key", () -> attacks.bruteForce(300)));
    siege.add(attack("invalid UTF-8", () -> attacks.invalidUtf8(30)));
    siege.add(attack("16 KiB of garbage", () -> attacks.garbage(20)));
    siege.add(attack("10 MB body", () -> attacks.tenMegabytes(3)));
    siege.add(attack("3,000 headers", () -> attacks.thousandsOfHeaders(10)));
    siege.add(attack("malformed", attacks::malformed));
    await().atMost(Duration.ofMinutes(2)).until(() -> siege.stream().allMatch(Future::isDone));
    // As many slow bodies at once as the server has request threads, after enough bytes that
    // Jetty's MinimumDataRateHandler (which counts all requests' bytes) would let them all stay.
    for (int i = 0; i < TRICKLERS; i++) {
      siege.add(attack("trickled body", attacks::trickle));
    }

    Await.until(
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)),
        () -> probe() && siege.stream().allMatch(Future::isDone),
        () -> server.output());
    for (Future<?> f : siege) {
      f.get(); // an attack that threw (a transport error on our side) fails here
    }

    // A client still pushing 10 MB when the server answers 413 and closes may see the reset
    // before the answer; the server never read the body either way.
    assertThat(answers)
        .as("every hostile request answered 4xx")
        .allMatch(a -> a.matches(".*: 4\\d\\d") || a.equals("10 MB body: -1"), "4xx")
        .contains("10 MB body: 413");
    assertThat(db.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL"))
        .as("nothing dispatched")
        .isEqualTo(20);
    System.out.printf(
        "hostile http: %s; %d probes, slowest %d ms%n",
        new TreeSet<>(answers),
        probeMillis.size(),
        probeMillis.stream().mapToLong(l -> l).max().orElse(0));
    assertThat(probeMillis.stream().mapToLong(l -> l).max().orElse(0))
        .as("slowest /healthz during the siege, ms")
        .isLessThan(5_000);
    HttpResponse<String> honest = attacks.dispatch(KEY, "{\"limit\": 5}");
    assertThat(honest.statusCode()).isEqualTo(200);
    assertThat(honest.body()).contains("\"processed\":5");
    assertThat(server.alive()).isTrue();
    assertThat(server.stdout()).doesNotContain("internal_error").doesNotContain(" 500 in ");
  }

  /** Runs one attack on the attackers' pool; each answer goes to {@link #answers}. */
  private Future<?> attack(String name, Callable<List<Integer>> attack) {
    return attackers.submit(
        () -> {
          for (int status : attack.call()) {
            answers.add(name + ": " + status);
          }
          return null;
        });
  }

  /** An honest GET /healthz; true when answered 200. */
  private boolean probe() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    probeMillis.add((System.nanoTime() - started) / 1_000_000);
    assertThat(answer.statusCode()).as("honest /healthz").isEqualTo(200);
    return true;
  }

  static String randomKey() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
