package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {
  @TempDir Path workDir;

  @Test
  void demo_runs_with_no_variables_and_shows_what_each_event_would_send() throws Exception {
    try (WorkerProcess demo = WorkerProcess.start(workDir, Map.of(), "demo")) {
      assertThat(demo.waitFor(Duration.ofSeconds(120))).as(demo.output()).isZero();

      assertThat(demo.stdout())
          .contains(
              "== estimate.requested",
              "== estimate.rescheduled",
              "== lead.created",
              "== estimate.status_changed",
              "== quote.sent",
              "== quote.decision",
              "== pipeline.auto_stage_change")
          .contains("You're booked!", "[invite.ics attached]", "Total: $1,234.50")
          .contains("would send (sms unsent: Twilio not configured")
          .contains("skipped (no phone on file)", "updated (quoted -> won)")
          .contains(
              "Batch summary: {\"ok\":true,\"total\":7,\"processed\":7,\"skipped\":0,\"errors\":0}");
      assertThat(workDir.resolve(".outbox")).as("the demo leaves no data behind").doesNotExist();
    }
  }
}
