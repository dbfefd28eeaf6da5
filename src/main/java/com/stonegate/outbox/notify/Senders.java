package com.stonegate.outbox.notify;

import com.stonegate.outbox.provider.smtp.MailSender;
import com.stonegate.outbox.provider.twilio.SmsSender;
import java.util.Optional;

/**
 * The customer-facing providers; an empty one is not configured, and its messages are logged as
 * unsent with the reason.
 *
 * @param sms Twilio, when configured
 * @param smsOff why SMS is off, e.g. "Twilio not configured (missing TWILIO_FROM)"
 * @param mail SMTP, when configured
 * @param mailOff why email is off
 * @param mailFrom {@code SMTP_FROM}, the invite's organizer; null when email is off
 */
public record Senders(
    Optional<SmsSender> sms,
    String smsOff,
    Optional<MailSender> mail,
    String mailOff,
    String mailFrom) {}
