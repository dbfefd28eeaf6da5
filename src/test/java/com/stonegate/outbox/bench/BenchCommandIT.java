package com.stonegate.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench runs end to end on a small queue. Its numbers are not checked: benchmarks are not
 * tests.
 */
class BenchCommandIT {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  @Test
  void bench_with_1000_events_prints_every_field_and_drops_its_scratch_database() throws Exception {
    String scratch = "SELECT count(*) FROM pg_database WHERE datname LIKE 'outbox\\_bench\\_%'";
    long before = db.count(scratch);

    try (WorkerProcess bench =
        WorkerProcess.start(
            workDir,
            Map.of("DATABASE_URL", db.url()),
            "bench",
            "--events",
            "1000",
            "--history",
            "1000",
            "--save",
            "results")) {
      assertThat(bench.waitFor(Duration.ofMinutes(5))).as(bench.output()).isZero();

      String json = bench.stdout().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
      JsonNode result = new ObjectMapper().readTree(json);
      assertThat(result.fieldNames())
          .toIterable()
          .contains(
              "events",
              "batch",
              "limit_eps",
              "baseline_eps",
              "worker_eps",
              "worker_eps_2",
              "ratio",
              "ratio_2",
              "speedup",
              "speedup_2",
              "peak_rss_mb",
              "logged_events",
              "latency_ms",
              "provider_bound",
              "history",
              "prune",
              "machine");
      assertThat(result.get("events").asLong()).isEqualTo(1000);
      assertThat(result.get("logged_events").asLong()).as("one log line per event").isEqualTo(1000);
      assertThat(result.get("latency_ms").fieldNames())
          .toIterable()
          .contains("p50", "p95", "p99", "samples", "poll_interval_ms");
      assertThat(result.get("provider_bound").fieldNames())
          .toIterable()
          .contains("events", "sleep_ms", "concurrency", "seconds");
      assertThat(result.get("history")).hasSize(3);
      assertThat(result.get("machine").fieldNames())
          .toIterable()
          .contains("cores", "postgres", "synchronous_commit", "java_opts", "load_before");
      assertThat(bench.stdout())
          .contains("pure SQL loop", "original algorithm", "worker, 2 processes");
      assertThat(workDir.resolve("results").toFile().list())
          .singleElement()
          .asString()
          .endsWith("-1000.md");
    }
    assertThat(db.count(scratch)).as("scratch database dropped").isEqualTo(before);
  }
}
