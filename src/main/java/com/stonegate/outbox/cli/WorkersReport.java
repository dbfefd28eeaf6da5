package com.stonegate.outbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.health.Heartbeat;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The worker instances part of {@code status}: each heartbeat row, live or stale. */
final class WorkersReport {
  private WorkersReport() {}

  /** A table: state, instance, mode, version, last beat and loop beat ages. */
  static void print(List<Heartbeat> workers, Instant now, PrintStream out) {
    long stale = workers.stream().filter(w -> w.stale(now)).count();
    out.printf("%nworkers: %d live, %d stale%n", workers.size() - stale, stale);
    for (Heartbeat w : workers) {
      out.printf(
          "  %-5s %-40s %-5s %-14s beat %s ago, loop %s%n",
          w.stale(now) ? "stale" : "live",
          w.instanceId(),
          w.mode(),
          w.version(),
          age(w.lastBeatAt(), now),
          w.loopBeatAt() == null ? "-" : age(w.loopBeatAt(), now) + " ago");
    }
  }

  /** {@code workers}: one object per instance, with {@code state} live or stale. */
  static ArrayNode json(List<Heartbeat> workers, Instant now, ObjectMapper json) {
    ArrayNode array = json.createArrayNode();
    for (Heartbeat w : workers) {
      ObjectNode node = json.createObjectNode();
      node.put("instanceId", w.instanceId())
          .put("state", w.stale(now) ? "stale" : "live")
          .put("host", w.host())
          .put("pid", w.pid())
          .put("version", w.version())
          .put("mode", w.mode())
          .put("startedAt", w.startedAt().toString())
          .put("lastBeatAt", w.lastBeatAt().toString())
          .put("loopBeatAt", w.loopBeatAt() == null ? null : w.loopBeatAt().toString());
      array.add(node);
    }
    return array;
  }

  private static String age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return age.toSeconds() < 120 ? age.toSeconds() + " s" : age.toMinutes() + " min";
  }
}
