package com.stonegate.outbox.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every skip reason, and payload values of the wrong type: a skip, never a crash or a retry. */
class SkipReasonsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private HandlerFixture worker;
  private SampleData data;

  @BeforeEach
  void setUp() {
    worker = new HandlerFixture(db, Map.of());
    data = SampleData.insert(db);
  }

  @AfterEach
  void tearDown() {
    worker.close();
  }

  /** {type, payload, expected skip reason}; QUOTE stands for the sample quote's id. */
  private static final String[][] CASES = {
    {"estimate.requested", "{}", "missing_appointment_id"},
    {"estimate.requested", "{\"appointmentId\": 42}", "missing_appointment_id"},
    {"estimate.requested", "{\"appointmentId\": \"not-a-uuid\"}", "missing_appointment_id"},
    {"estimate.requested", "{\"appointmentId\": {\"id\": \"x\"}}", "missing_appointment_id"},
    {"estimate.rescheduled", "{\"appointmentId\": [\"x\"]}", "missing_appointment_id"},
    {
      "estimate.requested",
      "{\"appointmentId\": \"00000000-0000-4000-8000-000000000000\"}",
      "appointment_not_found"
    },
    {"lead.created", "{\"leadId\": true}", "missing_lead_id"},
    {"lead.created", "{\"leadId\": \"00000000-0000-4000-8000-000000000000\"}", "lead_not_found"},
    {"estimate.status_changed", "{}", "missing_lead_id"},
    {"quote.sent", "{\"quoteId\": 7}", "missing_quote_id"},
    {"quote.sent", "{\"quoteId\": \"00000000-0000-4000-8000-000000000000\"}", "quote_not_found"},
    {
      "quote.decision",
      "{\"quoteId\": \"00000000-0000-4000-8000-000000000000\", \"decision\": \"accepted\"}",
      "quote_not_found"
    },
    {"quote.decision", "{\"quoteId\": \"QUOTE\"}", "invalid_decision"},
    {"quote.decision", "{\"quoteId\": \"QUOTE\", \"decision\": \"maybe\"}", "invalid_decision"},
    {"quote.decision", "{\"quoteId\": \"QUOTE\", \"decision\": 1}", "invalid_decision"},
    {"no.such.type", "{}", "unknown_type"}
  };

  @Test
  void unusable_payloads_are_skipped_with_their_reasons_in_one_batch() throws Exception {
    java.util.List<UUID> ids = new java.util.ArrayList<>();
    for (String[] c : CASES) {
      ids.add(worker.enqueue(c[0], c[1].replace("QUOTE", data.quoteId.toString())));
    }

    assertThat(worker.runOnce().skipped()).isEqualTo(CASES.length);

    for (int i = 0; i < CASES.length; i++) {
      assertThat(worker.event(ids.get(i)).get("skip_reason"))
          .as(CASES[i][0] + " " + CASES[i][1])
          .isEqualTo(CASES[i][2]);
    }
  }

  @Test
  void appointment_without_reschedule_token_is_skipped() throws Exception {
    db.update("UPDATE appointments SET reschedule_token = '' WHERE id = ?", data.appointmentId);
    UUID a =
        worker.enqueue("estimate.requested", "{\"appointmentId\":\"" + data.appointmentId + "\"}");
    UUID b = worker.enqueue("lead.created", "{\"leadId\":\"" + data.leadId + "\"}");

    worker.runOnce();

    assertThat(worker.event(a).get("skip_reason")).isEqualTo("missing_reschedule_token");
    assertThat(worker.event(b).get("skip_reason")).isEqualTo("missing_reschedule_token");
  }

  @Test
  void lead_without_appointment_and_quote_without_share_token_are_skipped() throws Exception {
    db.update("DELETE FROM appointments");
    db.update("UPDATE quotes SET share_token = NULL");
    UUID lead = worker.enqueue("lead.created", "{\"leadId\":\"" + data.leadId + "\"}");
    UUID quote = worker.enqueue("quote.sent", "{\"quoteId\":\"" + data.quoteId + "\"}");

    worker.runOnce();

    assertThat(worker.event(lead).get("skip_reason")).isEqualTo("no_appointment_for_lead");
    assertThat(worker.event(quote).get("skip_reason")).isEqualTo("quote_missing_share_url");
  }

  @Test
  void huge_or_deeply_nested_or_mistyped_values_count_as_missing() throws Exception {
    String huge = "x".repeat(100_000);
    String deep = "[".repeat(1200) + "]".repeat(1200);
    UUID big = worker.enqueue("estimate.requested", "{\"appointmentId\":\"" + huge + "\"}");
    UUID nested = worker.enqueue("estimate.requested", "{\"appointmentId\":" + deep + "}");
    UUID mistyped =
        worker.enqueue(
            "estimate.requested",
            "{\"appointmentId\":\""
                + data.appointmentId
                + "\",\"services\":\"x\",\"notes\":\""
                + huge
                + "\"}");

    assertThat(worker.runOnce().errors()).isZero();

    assertThat(worker.event(big).get("skip_reason")).isEqualTo("missing_appointment_id");
    assertThat((String) worker.event(nested).get("skip_reason"))
        .isIn("missing_appointment_id", "unreadable_payload");
    assertThat(worker.event(mistyped).get("skip_reason")).as("stored values used").isNull();
    assertThat(worker.journal)
        .filteredOn(e -> e.eventId().equals(mistyped) && e.what().equals("email"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.content())
                    .contains("Garage cleanout, Hot tub removal", "Side gate code 4411"));
  }
}
