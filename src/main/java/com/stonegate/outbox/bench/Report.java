package com.stonegate.outbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The bench's result as one JSON object and as a table for people. */
final class Report {
  final ObjectNode json = new ObjectMapper().createObjectNode();
  private final StringBuilder table = new StringBuilder();

  Report throughput(
      long events, int batch, int rounds, double limit, double baseline, long baselineEvents) {
    json.put("events", events).put("batch", batch).put("rounds", rounds);
    json.put("limit_eps", round(limit)).put("baseline_eps", round(baseline));
    json.put("baseline_events", baselineEvents);
    line(
        "%-44s %12s %10s %10s",
        String.format(
            Locale.ROOT,
            "drain of %,d bench.noop events%s",
            events,
            rounds > 1 ? ", best of " + rounds : ""),
        "events/s",
        "ratio",
        "speedup");
    line(
        "%-44s %,12.0f %10.2f %10.1f",
        "pure SQL loop, batch " + batch + " (limit)", limit, 1.0, limit / baseline);
    line(
        "%-44s %,12.0f %10.2f %10.1f",
        "original algorithm (baseline)", baseline, baseline / limit, 1.0);
    return this;
  }

  Report worker(int processes, WorkerPhases.Drain drain, double limit, double baseline) {
    String suffix = processes == 1 ? "" : "_" + processes;
    json.put("worker_eps" + suffix, round(drain.eps()));
    json.put("ratio" + suffix, round2(drain.eps() / limit));
    json.put("speedup" + suffix, round2(drain.eps() / baseline));
    json.put("logged_events" + suffix, drain.logged());
    line(
        "%-44s %,12.0f %10.2f %10.1f",
        "worker, "
            + processes
            + (processes == 1 ? " process" : " processes")
            + ", batch "
            + json.get("batch"),
        drain.eps(),
        drain.eps() / limit,
        drain.eps() / baseline);
    return this;
  }

  /** The largest peak RSS of any worker process over all drains, with 1 and with 2 processes. */
  Report rss(long oneProcess, long twoProcesses) {
    json.put("peak_rss_mb", oneProcess).put("peak_rss_mb_2", twoProcesses);
    line("%-44s %9d MB", "peak RSS of a worker while draining", Math.max(oneProcess, twoProcesses));
    return this;
  }

  Report latency(WorkerPhases.Latency l) {
    ObjectNode node = json.putObject("latency_ms");
    node.put("p50", round2(l.percentile(50))).put("p95", round2(l.percentile(95)));
    node.put("p99", round2(l.percentile(99))).put("max", round2(l.percentile(100)));
    node.put("samples", l.sortedMs().length).put("every_ms", l.everyMs());
    node.put("poll_interval_ms", l.pollIntervalMs());
    line(
        "%-44s p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
        "insert commit → handler finished (" + l.sortedMs().length + " events)",
        l.percentile(50),
        l.percentile(95),
        l.percentile(99));
    return this;
  }

  Report providerBound(int events, int sleepMs, int concurrency, double seconds) {
    ObjectNode node = json.putObject("provider_bound");
    node.put("events", events).put("sleep_ms", sleepMs).put("concurrency", concurrency);
    node.put("batch", concurrency).put("seconds", round2(seconds));
    line(
        "%-44s %9.2f s",
        String.format(
            Locale.ROOT, "%,d events of %d ms, concurrency %d", events, sleepMs, concurrency),
        seconds);
    return this;
  }

  Report history(History.Result h) {
    ArrayNode levels = json.putArray("history");
    for (History.Level level : h.levels()) {
      levels
          .addObject()
          .put("finished_rows", level.finishedRows())
          .put("claim_ms_p50", round2(level.claimMsP50()))
          .put("claim_ms_p95", round2(level.claimMsP95()));
      line(
          "%-44s p50 %.2f ms, p95 %.2f ms",
          String.format(Locale.ROOT, "claim of 100 beside %,d finished rows", level.finishedRows()),
          level.claimMsP50(),
          level.claimMsP95());
    }
    json.putObject("prune").put("deleted", h.pruned()).put("seconds", round2(h.pruneSeconds()));
    line(
        "%-44s %9.1f s",
        String.format(Locale.ROOT, "prune of %,d finished rows", h.pruned()), h.pruneSeconds());
    return this;
  }

  ObjectNode machine() {
    return json.putObject("machine");
  }

  String table() {
    return table.toString();
  }

  private void line(String format, Object... args) {
    table.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static double round(double v) {
    return Math.round(v);
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
