package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.MailSink;
import com.stonegate.outbox.testing.Sql;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP refuses connections and Twilio answers 503 for a while (8 s by default, 30 s under -Pchaos):
 * the events retry with backoff, {@code status} shows the schedule, and once both come back every
 * customer gets one SMS and one email and no event is dead.
 */
class ProviderOutageIT {
  static final int CUSTOMERS = Scale.of(40, 200);
  static final Duration OUTAGE = Scale.of(Duration.ofSeconds(8), Duration.ofSeconds(30));

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;

  private final MailSink mail = MailSink.start();
  private final Twilio twilio = new Twilio();
  private WorkerProcess worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    twilio.close();
    mail.close();
  }

  @Test
  void events_retry_with_backoff_through_the_outage_and_all_complete_once_when_it_ends()
      throws Exception {
    Sql sql = db.sql();
    int half = CUSTOMERS / 2;
    Customers.insert(sql, 1, CUSTOMERS, true);
    Customers.enqueue(sql, "estimate.requested", 1, half);
    worker = WorkerProcess.start(workDir, env(), "run");
    awaitAllFinished(sql);

    mail.down();
    twilio.down();
    Instant outageEnds = Instant.now().plus(OUTAGE);
    Customers.enqueue(sql, "estimate.requested", half + 1, CUSTOMERS - half);
    JsonNode status =
        Await.until(
            await().atMost(OUTAGE.plusMinutes(2)),
            this::statusJson,
            ProviderOutageIT::showsBackoff,
            () -> worker.output());
    String table = statusTable();
    await().atMost(OUTAGE.plusMinutes(1)).until(() -> !Instant.now().isBefore(outageEnds));
    mail.up();
    twilio.up();
    awaitAllFinished(sql);

    assertThat(status.get("maxAttempts").asInt()).isEqualTo(50);
    assertThat(table).contains("next retries").containsPattern("attempt \\d+/50 in ");
    assertThat(worker.alive()).as(worker.output()).isTrue();
    Promises promises = new Promises(sql, mail);
    promises.everyEventFinished();
    promises.noEmailTwiceAndEveryMissingOneUncertain();
    assertThat(twilio.accepted())
        .as("one SMS per customer")
        .containsOnlyKeys(IntStream.rangeClosed(1, CUSTOMERS).mapToObj(Customers::phone).toList())
        .allSatisfy((to, n) -> assertThat(n).isOne());
  }

  /** An event failed at least twice on both providers and waits for its next attempt. */
  private static boolean showsBackoff(JsonNode status) {
    Instant now = Instant.now().minusSeconds(1);
    for (JsonNode retry : status.get("retries")) {
      if (retry.get("attempts").asInt() >= 2
          && Instant.parse(retry.get("nextAttemptAt").asText()).isAfter(now)
          && retry.get("lastError").asText().contains("twilio: HTTP 503")
          && retry.get("lastError").asText().contains("smtp:")) {
        return true;
      }
    }
    return false;
  }

  private void awaitAllFinished(Sql sql) {
    Await.drained(sql, Duration.ofMinutes(3), Duration.ofMillis(250), () -> worker.output());
  }

  private JsonNode statusJson() throws Exception {
    return new ObjectMapper().readTree(status("status", "--json"));
  }

  private String statusTable() throws Exception {
    return status("status");
  }

  /** Runs {@code outbox-worker status …} as an operator would and returns what it printed. */
  private String status(String... args) throws Exception {
    WorkerProcess status = WorkerProcess.start(workDir, env(), args);
    assertThat(status.waitFor(Duration.ofSeconds(60))).as(status.output()).isZero();
    return status.stdout();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(twilio.variables());
    env.put("DATABASE_URL", db.url());
    env.put("OUTBOX_POLL_INTERVAL_MS", "200");
    env.put("OUTBOX_MAX_ATTEMPTS", "50");
    env.put("OUTBOX_RETRY_BASE_MS", String.valueOf(Scale.of(250, 1000)));
    env.put("OUTBOX_RETRY_MAX_MS", String.valueOf(Scale.of(2000, 8000)));
    env.putAll(mail.variables());
    env.put("SMTP_TIMEOUT_MS", "2000");
    env.put("SEO_AUTOPUBLISH_DISABLED", "1");
    return env;
  }
}
