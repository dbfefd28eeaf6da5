package com.stonegate.outbox.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.stonegate.outbox.queue.BatchSummary;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import com.stonegate.outbox.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transient and permanent provider failures, and a worker that died mid-send: never twice. */
class DeliveryFailuresTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private final StandIns standIns = new StandIns();
  private GreenMail mail;
  private HandlerFixture worker;
  private SampleData data;
  private String payload;

  @BeforeEach
  void setUp() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    var vars = standIns.variables(port);
    vars.remove("GOOGLE_CLIENT_ID");
    vars.remove("OUTBOX_WEBHOOK_URLS");
    worker = new HandlerFixture(db, vars);
    data = SampleData.insert(db);
    payload = "{\"appointmentId\":\"" + data.appointmentId + "\"}";
  }

  @AfterEach
  void tearDown() {
    worker.close();
    standIns.close();
    mail.stop();
  }

  @Test
  void twilio_503_then_201_sends_exactly_one_sms_and_one_email() throws Exception {
    mail.start();
    standIns.twilio.enqueue(new Reply(503, "{\"code\":20503,\"message\":\"unavailable\"}"));
    UUID event = worker.enqueue("estimate.requested", payload);

    assertThat(worker.runOnce()).isEqualTo(new BatchSummary(1, 0, 0, 1));
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat((String) worker.event(event).get("last_error")).contains("twilio: HTTP 503");

    worker.runAgainLater(); // the event, and the stage change it queued on its first attempt
    assertThat(worker.event(event).get("processed_at")).isNotNull();
    assertThat(worker.runAgainLater()).isEqualTo(BatchSummary.EMPTY);

    assertThat(standIns.twilio.requests()).hasSize(2);
    assertThat(mail.getReceivedMessages()).as("the email is not sent again").hasSize(1);
    assertThat(worker.deliveries(event))
        .extracting(r -> r.get("channel") + " " + r.get("state"))
        .containsExactly("email sent", "sms sent");
  }

  @Test
  void twilio_429_with_retry_after_retries_at_that_time() throws Exception {
    mail.start();
    standIns.twilio.enqueue(new Reply(429, "{\"code\":20429}", "Retry-After", "120"));
    UUID event = worker.enqueue("estimate.requested", payload);

    worker.runOnce();

    Instant next = ((Timestamp) worker.event(event).get("next_attempt_at")).toInstant();
    assertThat(next)
        .isBetween(
            worker.clock.instant().plusSeconds(119), worker.clock.instant().plusSeconds(121));
  }

  @Test
  void twilio_400_is_permanent_for_sms_and_the_email_still_goes() throws Exception {
    mail.start();
    standIns.twilio.fallback(
        new Reply(
            400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}"));
    UUID event = worker.enqueue("estimate.requested", payload);

    assertThat(worker.runOnce()).isEqualTo(new BatchSummary(1, 1, 0, 0));
    worker.runAgainLater(); // the stage change only
    assertThat(worker.runAgainLater()).isEqualTo(BatchSummary.EMPTY);

    assertThat(standIns.twilio.requests()).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(worker.deliveries(event))
        .extracting(r -> r.get("channel") + " " + r.get("state"))
        .containsExactly("email sent", "sms failed");
    assertThat((String) worker.deliveries(event).get(1).get("error")).contains("21211");
  }

  @Test
  void smtp_down_then_up_sends_the_email_once_and_the_sms_once() throws Exception {
    UUID event = worker.enqueue("estimate.requested", payload);

    assertThat(worker.runOnce().errors()).isEqualTo(1);
    assertThat(standIns.twilio.requests()).hasSize(1);

    mail.start();
    worker.runAgainLater();
    assertThat(worker.event(event).get("processed_at")).isNotNull();

    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(standIns.twilio.requests()).as("sms not resent").hasSize(1);
    assertThat(worker.deliveries(event))
        .extracting(r -> r.get("channel") + " " + r.get("state"))
        .containsExactly("email sent", "sms sent");
  }

  @Test
  void worker_killed_between_sending_and_sent_is_not_resent_and_is_marked_uncertain()
      throws Exception {
    mail.start();
    UUID event = worker.enqueue("estimate.requested", payload);
    deadWorkerLeftSending(event, "sms", "+14045550101");

    assertThat(worker.runOnce()).isEqualTo(new BatchSummary(1, 1, 0, 0));

    assertThat(standIns.twilio.requests()).as("no second SMS").isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(worker.deliveries(event))
        .extracting(r -> r.get("channel") + " " + r.get("state"))
        .containsExactly("email sent", "sms uncertain");
    assertThat(worker.notifications.ledger().countUncertain()).isEqualTo(1);
    assertThat(worker.journal)
        .anyMatch(e -> e.what().equals("sms") && e.status().equals("uncertain"));
  }

  @Test
  void worker_killed_while_sending_every_message_has_each_reported_uncertain_and_none_resent()
      throws Exception {
    mail.start();
    UUID event = worker.enqueue("estimate.requested", payload);
    deadWorkerLeftSending(event, "sms", "+14045550101", "email", "dana@example.com");

    assertThat(worker.runOnce()).isEqualTo(new BatchSummary(1, 1, 0, 0));

    assertThat(standIns.twilio.requests()).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(worker.deliveries(event))
        .extracting(r -> r.get("channel") + " " + r.get("state"))
        .containsExactly("email uncertain", "sms uncertain");
    assertThat(worker.notifications.ledger().countUncertain()).isEqualTo(2);
  }

  /**
   * What a worker that died inside a provider call leaves: its lease (expired by now) and the
   * committed 'sending' rows, given as channel, recipient, channel, recipient, ...
   */
  private void deadWorkerLeftSending(UUID event, String... channelsAndRecipients) {
    db.update(
        "UPDATE outbox_events SET attempts = 1, locked_by = 'dead-worker#1', locked_until = ? WHERE id = ?",
        Timestamp.from(worker.clock.instant().minus(Duration.ofMinutes(1))),
        event);
    for (int i = 0; i < channelsAndRecipients.length; i += 2) {
      db.update(
          "INSERT INTO outbox_deliveries (event_id, channel, recipient, state)"
              + " VALUES (?, ?, ?, 'sending')",
          event,
          channelsAndRecipients[i],
          channelsAndRecipients[i + 1]);
    }
  }
}
