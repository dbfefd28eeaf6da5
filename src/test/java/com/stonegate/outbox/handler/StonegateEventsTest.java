package com.stonegate.outbox.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.queue.BatchSummary;
import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each event type's happy path, on the API's real schema (enum-typed status and stage). */
class StonegateEventsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.empty();

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final ObjectMapper json = new ObjectMapper();
  private StandIns standIns;
  private HandlerFixture worker;
  private SampleData data;

  @BeforeEach
  void setUp() {
    db.runScript("/stonegate-api-schema.sql");
    Database.migrate(db.dataSource());
    standIns = new StandIns();
    worker = new HandlerFixture(db, standIns.variables(mail.getSmtp().getPort()));
    data = SampleData.insert(db);
  }

  @AfterEach
  void tearDown() {
    worker.close();
    standIns.close();
  }

  @Test
  void estimate_requested_texts_emails_an_invite_books_the_calendar_and_qualifies()
      throws Exception {
    UUID event =
        worker.enqueue("estimate.requested", "{\"appointmentId\":\"" + data.appointmentId + "\"}");

    assertThat(worker.runOnce()).isEqualTo(new BatchSummary(1, 1, 0, 0));

    String link =
        "https://stonegate.example/schedule?appointmentId="
            + data.appointmentId
            + "&token=tok-8f2a";
    HttpStandIn.Request sms = standIns.twilio.requests().get(0);
    assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/AC0123/Messages.json");
    assertThat(sms.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("AC0123:twilio-token".getBytes(StandardCharsets.UTF_8)));
    assertThat(sms.form("To")).isEqualTo("+14045550101");
    assertThat(sms.form("From")).isEqualTo("+14045550000");
    assertThat(sms.form("Body")).contains("You're booked!", "Dec 8, 2026, 9:00 AM", link);

    MimeMessage email = single(mail.getReceivedMessages());
    assertThat(email.getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("dana@example.com");
    assertThat(email.getFrom()[0].toString()).contains("hello@stonegate.example");
    assertThat(email.getSubject()).startsWith("You're booked!");
    MimeMultipart parts = (MimeMultipart) email.getContent();
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains(
            "Hi Dana,", "118 Kennesaw Ave, Marietta, GA 30060", "Garage cleanout, Hot tub removal")
        .contains("Preferred window: 2026-12-08, morning", "Notes: Side gate code 4411", link);
    assertThat(parts.getBodyPart(1).getContentType()).contains("text/calendar", "method=REQUEST");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
    VEvent invite =
        invite(
            new String(
                parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(invite.getProperty("UID").get().getValue())
        .isEqualTo(data.appointmentId + "@myst-os");
    assertThat(invite.getProperty("DTSTART").get().getValue()).isEqualTo("20261208T140000Z");
    assertThat(invite.getProperty("DTEND").get().getValue()).isEqualTo("20261208T153000Z");
    assertThat(invite.getProperty("LOCATION").get().getValue())
        .isEqualTo("118 Kennesaw Ave, Marietta, GA 30060");
    assertThat(invite.getProperty("DESCRIPTION").get().getValue()).contains(link);

    List<HttpStandIn.Request> google = standIns.google.requests();
    assertThat(google.get(0).path()).isEqualTo("/token");
    assertThat(google.get(0).form("grant_type")).isEqualTo("refresh_token");
    assertThat(google.get(0).form("refresh_token")).isEqualTo("refresh-1");
    assertThat(google.get(1).method()).isEqualTo("POST");
    assertThat(google.get(1).path()).isEqualTo("/calendar/v3/calendars/primary/events");
    assertThat(google.get(1).header("Authorization")).isEqualTo("Bearer ya29.test");
    JsonNode entry = json.readTree(google.get(1).body());
    assertThat(entry.at("/start/dateTime").asText()).isEqualTo("2026-12-08T14:00:00Z");
    assertThat(entry.at("/end/dateTime").asText()).isEqualTo("2026-12-08T16:00:00Z");
    String calendarId =
        db.value("SELECT calendar_event_id FROM appointments WHERE id = ?", data.appointmentId);
    assertThat(calendarId).isEqualTo(data.appointmentId.toString().replace("-", ""));

    assertThat(data.stage(db)).isEqualTo("qualified");
    assertThat(worker.deliveries(event))
        .extracting(
            r -> r.get("channel") + " " + r.get("state") + " " + r.get("provider_message_id"))
        .containsExactly(
            "email sent " + email.getMessageID(), "sms sent SM0001", "webhook sent null");
    JsonNode change = stageChangeEvent();
    assertThat(change.path("toStage").asText()).isEqualTo("qualified");
    assertThat(change.path("fromStage").isNull()).isTrue();
    assertThat(change.path("reason").asText()).isEqualTo("estimate.requested");
    assertThat(change.at("/meta/appointmentId").asText()).isEqualTo(data.appointmentId.toString());
  }

  @Test
  void estimate_rescheduled_moves_the_calendar_entry_and_says_appointment_updated()
      throws Exception {
    db.update(
        "UPDATE appointments SET calendar_event_id = 'evt-old' WHERE id = ?", data.appointmentId);
    db.update(
        "INSERT INTO crm_pipeline (contact_id, stage) VALUES (?, 'qualified')", data.contactId);
    worker.enqueue(
        "estimate.rescheduled",
        "{\"appointmentId\":\""
            + data.appointmentId
            + "\",\"services\":[\"Piano removal\"],"
            + "\"rescheduleUrl\":\"https://stonegate.example/r/abc\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    HttpStandIn.Request put = standIns.google.requests().get(1);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/calendar/v3/calendars/primary/events/evt-old");
    MimeMessage email = single(mail.getReceivedMessages());
    assertThat(email.getSubject()).startsWith("Appointment updated");
    String text = (String) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
    assertThat(text).contains("Services: Piano removal", "https://stonegate.example/r/abc");
    assertThat(
            db.count(
                "SELECT count(*) FROM outbox_events WHERE type = 'pipeline.auto_stage_change'"))
        .as("stage unchanged: no event")
        .isZero();
  }

  @Test
  void lead_created_confirms_and_reports_generate_lead_to_ga4() throws Exception {
    worker.enqueue("lead.created", "{\"leadId\":\"" + data.leadId + "\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    assertThat(standIns.twilio.requests()).hasSize(1);
    assertThat(single(mail.getReceivedMessages()).getSubject()).startsWith("You're booked!");
    HttpStandIn.Request ga4 =
        standIns.hooks.requests().stream()
            .filter(r -> r.path().equals("/mp/collect"))
            .findFirst()
            .orElseThrow();
    assertThat(ga4.query()).isEqualTo("measurement_id=G-TEST123&api_secret=ga4-secret");
    JsonNode body = json.readTree(ga4.body());
    assertThat(body.path("client_id").asText()).isEqualTo(data.contactId.toString());
    assertThat(body.at("/events/0/name").asText()).isEqualTo("generate_lead");
    assertThat(body.at("/events/0/params/lead_id").asText()).isEqualTo(data.leadId.toString());
    assertThat(data.stage(db)).isEqualTo("qualified");
  }

  @Test
  void status_change_to_completed_wins_without_a_booking_message() throws Exception {
    db.update("UPDATE appointments SET status = 'completed' WHERE id = ?", data.appointmentId);
    worker.enqueue("estimate.status_changed", "{\"leadId\":\"" + data.leadId + "\"}");
    worker.enqueue(
        "estimate.status_changed", "{\"leadId\":\"" + data.leadId + "\",\"status\":\"canceled\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(2);

    assertThat(standIns.twilio.requests()).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(data.stage(db)).isEqualTo("lost");
    assertThat(
            db.query(
                "SELECT payload->>'toStage' AS s FROM outbox_events WHERE type = 'pipeline.auto_stage_change' ORDER BY created_at"))
        .extracting(r -> r.get("s"))
        .containsExactlyInAnyOrder("won", "lost");
  }

  @Test
  void quote_sent_links_the_quote_alerts_the_team_and_marks_quoted() throws Exception {
    worker.enqueue("quote.sent", "{\"quoteId\":\"" + data.quoteId + "\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    String link = "https://stonegate.example/quote/q-share-77";
    assertThat(standIns.twilio.requests().get(0).form("Body")).contains("$1,234.50", link);
    MimeMessage[] emails = mail.getReceivedMessages();
    assertThat(emails).hasSize(2);
    MimeMessage customer = byRecipient(emails, "dana@example.com");
    assertThat(customer.getSubject()).isEqualTo("Your Stonegate quote is ready");
    assertThat((String) customer.getContent())
        .contains(
            "Total: $1,234.50",
            "No deposit is required; payment is due after the work is complete.",
            link,
            "expires");
    MimeMessage alert = byRecipient(emails, "ops@stonegate.example");
    assertThat(alert.getSubject()).isEqualTo("Quote sent: Dana Whitfield, $1,234.50");
    assertThat(data.stage(db)).isEqualTo("quoted");
  }

  @Test
  void quote_accepted_wins_and_reports_close_convert_lead() throws Exception {
    worker.enqueue(
        "quote.decision",
        "{\"quoteId\":\"" + data.quoteId + "\",\"decision\":\"accepted\",\"source\":\"admin\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    assertThat((String) byRecipient(mail.getReceivedMessages(), "dana@example.com").getContent())
        .contains("Thanks for accepting your quote");
    assertThat(byRecipient(mail.getReceivedMessages(), "ops@stonegate.example").getSubject())
        .startsWith("Quote accepted (admin)");
    JsonNode ga4 =
        json.readTree(
            standIns.hooks.requests().stream()
                .filter(r -> r.path().equals("/mp/collect"))
                .findFirst()
                .orElseThrow()
                .body());
    assertThat(ga4.at("/events/0/name").asText()).isEqualTo("close_convert_lead");
    assertThat(ga4.at("/events/0/params/value").asDouble()).isEqualTo(1234.5);
    assertThat(data.stage(db)).isEqualTo("won");
  }

  @Test
  void quote_declined_records_the_decision_and_loses() throws Exception {
    worker.enqueue(
        "quote.decision", "{\"quoteId\":\"" + data.quoteId + "\",\"decision\":\"declined\"}");

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    assertThat((String) byRecipient(mail.getReceivedMessages(), "dana@example.com").getContent())
        .contains("We've recorded your decision");
    assertThat(standIns.hooks.requests()).noneMatch(r -> r.path().equals("/mp/collect"));
    assertThat(data.stage(db)).isEqualTo("lost");
  }

  private JsonNode stageChangeEvent() throws Exception {
    return json.readTree(
        (String)
            db.value(
                "SELECT payload::text FROM outbox_events WHERE type = 'pipeline.auto_stage_change'"));
  }

  static VEvent invite(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    assertThat(calendar.getProperty("METHOD").get().getValue()).isEqualTo("REQUEST");
    return (VEvent) calendar.getComponent("VEVENT").get();
  }

  static MimeMessage single(MimeMessage[] messages) {
    assertThat(messages).hasSize(1);
    return messages[0];
  }

  static MimeMessage byRecipient(MimeMessage[] messages, String address) throws Exception {
    for (MimeMessage m : messages) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
        return m;
      }
    }
    throw new AssertionError("no email to " + address);
  }
}
