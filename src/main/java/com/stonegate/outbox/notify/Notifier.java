package com.stonegate.outbox.notify;

import com.stonegate.outbox.config.SiteConfig;
import com.stonegate.outbox.provider.smtp.MailMessage;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the notifications of spec section 3: an SMS when the contact has a phone, an email (with
 * the calendar invite for appointments) when they have an email, and for quotes the internal alert
 * to every {@code QUOTE_ALERT_EMAIL} address. Each goes through the {@link Courier}, so a retried
 * event sends only what did not go out before; copy is written only when something is left to send.
 */
public final class Notifier {
  /** 2024-01-01T00:00:00Z: invite sequence numbers count minutes from here. */
  private static final long SEQUENCE_EPOCH = 1_704_067_200L;

  private final Copywriter copywriter;
  private final Senders senders;
  private final Courier courier;
  private final SiteConfig site;
  private final Clock clock;

  public Notifier(
      Copywriter copywriter, Senders senders, Courier courier, SiteConfig site, Clock clock) {
    this.copywriter = copywriter;
    this.senders = senders;
    this.courier = courier;
    this.site = site;
    this.clock = clock;
  }

  /** The confirmation of a requested or rescheduled appointment. */
  public void appointment(DeliveryReport report, AppointmentNotice n) throws SQLException {
    if (settled(report, n.contact())) {
      return;
    }
    Copy copy = copywriter.appointment(n);
    sms(report, n.contact().phone(), copy.smsBody());
    int sequence = (int) ((clock.instant().getEpochSecond() - SEQUENCE_EPOCH) / 60);
    String organizer = senders.mailFrom() == null ? "outbox-worker@localhost" : senders.mailFrom();
    String invite = Invite.request(n, organizer, clock.instant(), sequence);
    email(
        report, Channel.EMAIL, n.contact().email(), copy.emailSubject(), copy.emailBody(), invite);
  }

  /** "Quote ready" or a quote decision, and the internal alerts. */
  public void quote(DeliveryReport report, QuoteNotice n) throws SQLException {
    if (!settled(report, n.contact())) {
      Copy copy = copywriter.quote(n);
      sms(report, n.contact().phone(), copy.smsBody());
      email(
          report, Channel.EMAIL, n.contact().email(), copy.emailSubject(), copy.emailBody(), null);
    }
    Copy alert = Templates.alert(n);
    for (String address : site.quoteAlertEmails()) {
      email(report, Channel.ALERT_EMAIL, address, alert.emailSubject(), alert.emailBody(), null);
    }
  }

  /**
   * True when every customer message of this event went out, failed for good or is known uncertain.
   */
  private boolean settled(DeliveryReport report, Contact c) throws SQLException {
    Map<Channel, String> recipients = new EnumMap<>(Channel.class);
    if (c.phone() != null) {
      recipients.put(Channel.SMS, c.phone());
    }
    if (c.email() != null) {
      recipients.put(Channel.EMAIL, c.email());
    }
    return courier.settled(report.eventId(), recipients);
  }

  private void sms(DeliveryReport report, String phone, String body) throws SQLException {
    if (phone == null) {
      courier.skipped(report.eventId(), Channel.SMS, "no phone on file");
    } else if (senders.sms().isEmpty()) {
      courier.unsent(report.eventId(), Channel.SMS, phone, "sms unsent: " + senders.smsOff(), body);
    } else {
      courier.deliver(
          report, Channel.SMS, phone, body, () -> senders.sms().get().send(phone, body));
    }
  }

  private void email(
      DeliveryReport report, Channel channel, String to, String subject, String body, String ics)
      throws SQLException {
    String content = subject + "\n\n" + body + (ics == null ? "" : "\n\n[invite.ics attached]");
    if (to == null) {
      courier.skipped(report.eventId(), channel, "no email on file");
    } else if (senders.mail().isEmpty()) {
      courier.unsent(report.eventId(), channel, to, "email unsent: " + senders.mailOff(), content);
    } else {
      MailMessage message = new MailMessage(List.of(to), subject, body, ics);
      courier.deliver(report, channel, to, content, () -> senders.mail().get().send(message));
    }
  }
}
