package com.stonegate.outbox.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When a retried event may skip its notification: every channel's delivery is settled. */
class DeliveryLedgerTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  @Test
  void an_event_is_settled_only_when_every_recipient_has_a_finished_delivery() throws SQLException {
    DeliveryLedger ledger = new DeliveryLedger(db.dataSource());
    UUID event = UUID.randomUUID();
    Map<Channel, String> both = Map.of(Channel.SMS, "+15550001", Channel.EMAIL, "a@example.com");

    assertThat(ledger.settled(event, Map.of())).as("nothing to send").isTrue();
    assertThat(ledger.settled(event, both)).as("nothing sent yet").isFalse();

    ledger.sent(ledger.claim(event, Channel.SMS, "+15550001").id(), "SM1");
    DeliveryLedger.Claim email = ledger.claim(event, Channel.EMAIL, "a@example.com");
    assertThat(ledger.settled(event, both)).as("email still sending").isFalse();
    assertThat(ledger.settled(event, Map.of(Channel.EMAIL, "b@example.com")))
        .as("another recipient")
        .isFalse();

    ledger.failed(email.id(), "550 no such user");
    assertThat(ledger.settled(event, both)).as("sent and failed").isTrue();
  }
}
