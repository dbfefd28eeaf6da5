package com.stonegate.outbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.MailSink;
import com.stonegate.outbox.testing.Sql;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks every reliability test ends with: no event lost, none dead, and no customer emailed
 * twice, where a customer who got nothing is allowed only for a delivery the worker reported
 * uncertain (it died between asking the server to send and hearing the answer).
 */
final class Promises {
  private final Sql sql;
  private final MailSink mail;

  Promises(Sql sql, MailSink mail) {
    this.sql = sql;
    this.mail = mail;
  }

  /** Nothing pending, nothing leased, nothing dead, no appointment event skipped. */
  void everyEventFinished() {
    assertThat(sql.count("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL"))
        .as("events not finished")
        .isZero();
    assertThat(sql.count("SELECT count(*) FROM outbox_events WHERE locked_by IS NOT NULL"))
        .as("leases left")
        .isZero();
    assertThat(
            sql.strings(
                "SELECT id || ': ' || last_error FROM outbox_events WHERE dead_at IS NOT NULL"))
        .as("dead events")
        .isEmpty();
    assertThat(
            sql.strings(
                "SELECT id || ': ' || skip_reason FROM outbox_events"
                    + " WHERE type = 'estimate.requested' AND skip_reason IS NOT NULL"))
        .as("appointment events skipped")
        .isEmpty();
  }

  /**
   * Every customer of an {@code estimate.requested} event got its email at most once, nobody else
   * got one, and each customer who got none has an {@code uncertain} delivery in the ledger.
   */
  void noEmailTwiceAndEveryMissingOneUncertain() {
    Set<String> customers =
        new HashSet<>(
            sql.strings(
                "SELECT lower(c.email) FROM outbox_events e"
                    + " JOIN appointments a ON a.id = (e.payload->>'appointmentId')::uuid"
                    + " JOIN contacts c ON c.id = a.contact_id"
                    + " WHERE e.type = 'estimate.requested'"));
    Map<String, Integer> received = mail.perRecipient();
    assertThat(received.entrySet().stream().filter(e -> e.getValue() > 1).toList())
        .as("customers emailed twice")
        .isEmpty();
    assertThat(received.keySet()).as("emails to strangers").isSubsetOf(customers);
    Set<String> missing = new HashSet<>(customers);
    missing.removeAll(received.keySet());
    List<String> uncertain = uncertainEmails();
    assertThat(uncertain).as("emails reported uncertain").containsAll(missing);
    System.out.printf(
        "promises: %d events, %d customers, %d emails received, %d missing, %d uncertain%n",
        sql.count("SELECT count(*) FROM outbox_events"),
        customers.size(),
        mail.received(),
        missing.size(),
        uncertain.size());
  }

  private List<String> uncertainEmails() {
    return sql.strings(
        "SELECT lower(recipient) FROM outbox_deliveries WHERE channel = 'email' AND state = 'uncertain'");
  }
}
