package com.stonegate.outbox.provider.smtp;

import java.util.List;

/**
 * One email.
 *
 * @param to the recipients
 * @param subject the subject
 * @param body plain text
 * @param calendarInvite an iCalendar document sent as a {@code text/calendar; method=REQUEST} part
 *     named {@code invite.ics}; null for none
 */
public record MailMessage(List<String> to, String subject, String body, String calendarInvite) {
  public MailMessage {
    to = List.copyOf(to);
  }
}
