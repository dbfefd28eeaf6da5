package com.stonegate.outbox.provider.smtp;

import com.stonegate.outbox.config.SmtpConfig;
import com.stonegate.outbox.provider.Pacer;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/**
 * SMTP through Angus Mail (Jakarta Mail): implicit TLS on port 465, STARTTLS elsewhere when the
 * server offers it, AUTH only when {@code SMTP_USER} is set. One connection per message, paced to
 * {@code SMTP_MAX_PER_SECOND}.
 */
public final class SmtpMailSender implements MailSender {
  private final SmtpConfig config;
  private final Session session;
  private final Pacer pacer;
  private final ProviderCalls calls;

  public SmtpMailSender(SmtpConfig config, ProviderCalls calls) {
    if (!config.configured()) {
      throw new IllegalArgumentException("SMTP is not configured: " + config.missing());
    }
    this.config = config;
    this.session = Session.getInstance(properties(config));
    this.pacer = new Pacer(config.maxPerSecond());
    this.calls = calls;
  }

  static Properties properties(SmtpConfig config) {
    Properties p = new Properties();
    String timeout = String.valueOf(config.timeout().toMillis());
    p.setProperty("mail.smtp.host", config.host().orElseThrow());
    p.setProperty("mail.smtp.port", String.valueOf(config.port()));
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.auth", String.valueOf(config.user().isPresent()));
    if (config.port() == 465) {
      p.setProperty("mail.smtp.ssl.enable", "true");
    } else {
      p.setProperty("mail.smtp.starttls.enable", "true");
    }
    return p;
  }

  @Override
  public String send(MailMessage mail) throws ProviderException {
    try {
      MimeMessage message = compose(mail);
      pacer.acquire();
      if (config.user().isPresent()) {
        Transport.send(message, config.user().get(), config.password().orElse(""));
      } else {
        Transport.send(message);
      }
      calls.record("smtp", "email", ProviderCalls.Result.OK);
      return message.getMessageID();
    } catch (MessagingException e) {
      ProviderException failure = SmtpFailures.classify(e);
      calls.record("smtp", "email", failure.result());
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("smtp: interrupted", null, e);
    }
  }

  private MimeMessage compose(MailMessage mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(config.from().orElseThrow(), true));
    for (String to : mail.to()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    message.setSubject(mail.subject(), "UTF-8");
    if (mail.calendarInvite() == null) {
      message.setText(mail.body(), "UTF-8");
      return message;
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.body(), "UTF-8");
    MimeBodyPart invite = new MimeBodyPart();
    invite.setContent(mail.calendarInvite(), "text/calendar; charset=UTF-8; method=REQUEST");
    invite.setFileName("invite.ics");
    message.setContent(new MimeMultipart("mixed", text, invite));
    return message;
  }
}
