package com.stonegate.outbox.notify;

import com.stonegate.outbox.provider.ProviderException;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Sends one delivery at most once per event, through the {@link DeliveryLedger}: claim (committed
 * as {@code sending}), call the provider, record {@code sent}, {@code failed} or {@code retry}. A
 * delivery finished by an earlier attempt is not sent again; one left {@code sending} by an attempt
 * that died becomes {@code uncertain} and is not sent again either.
 */
public final class Courier {
  /** A provider call; returns the provider's message id. */
  @FunctionalInterface
  public interface Send {
    String call() throws ProviderException;
  }

  private final DeliveryLedger ledger;
  private final Journal journal;

  public Courier(DeliveryLedger ledger, Journal journal) {
    this.ledger = ledger;
    this.journal = journal;
  }

  /**
   * Delivers unless the ledger says it was already done. A transient failure is added to {@code
   * report}; a permanent one is recorded and the caller's other channels go on.
   *
   * @param content what is sent (a subject, the text), for the journal
   * @throws SQLException when the ledger cannot be reached; nothing was sent then, or (after the
   *     call) the row stays {@code sending} and the next attempt marks it uncertain
   */
  public void deliver(
      DeliveryReport report, Channel channel, String recipient, String content, Send send)
      throws SQLException {
    UUID eventId = report.eventId();
    DeliveryLedger.Claim claim = ledger.claim(eventId, channel, recipient);
    if (!claim.mine()) {
      String status = "uncertain".equals(claim.state()) ? "uncertain" : "already_" + claim.state();
      note(
          eventId,
          channel,
          recipient,
          status,
          "not sent again (ledger: " + claim.state() + ")",
          content);
      return;
    }
    String messageId;
    try {
      messageId = send.call();
    } catch (ProviderException e) {
      if (e.retryable()) {
        ledger.retry(claim.id(), e.getMessage());
        report.retryLater(e);
        note(eventId, channel, recipient, "retry", e.getMessage(), content);
      } else {
        ledger.failed(claim.id(), e.getMessage());
        note(eventId, channel, recipient, "failed", e.getMessage(), content);
      }
      return;
    } catch (RuntimeException e) {
      ledger.retry(claim.id(), e.toString()); // a bug before or around the call: try again
      throw e;
    }
    ledger.sent(claim.id(), messageId);
    note(eventId, channel, recipient, "sent", messageId, content);
  }

  /**
   * Whether these deliveries (one recipient per channel) need no further try, so their content need
   * not be written again.
   */
  public boolean settled(UUID eventId, Map<Channel, String> recipients) throws SQLException {
    return ledger.settled(eventId, recipients);
  }

  /** Records that a channel is not configured, without touching the ledger. */
  public void unsent(UUID eventId, Channel channel, String recipient, String why, String content) {
    note(eventId, channel, recipient, "unsent", why, content);
  }

  /** Records that there is no one to send to (no phone or email on file). */
  public void skipped(UUID eventId, Channel channel, String why) {
    note(eventId, channel, "", "skipped", why, null);
  }

  private void note(
      UUID eventId, Channel channel, String recipient, String status, String detail, String c) {
    journal.add(new Journal.Entry(eventId, channel.label(), recipient, status, detail, c));
  }
}
