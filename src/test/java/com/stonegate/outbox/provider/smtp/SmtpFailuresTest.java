package com.stonegate.outbox.provider.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {
  @Test
  void a_5xx_reply_is_permanent_and_a_4xx_reply_is_transient() throws Exception {
    InternetAddress to = new InternetAddress("nobody@example.com");
    SendFailedException rejected =
        new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user"));
    SendFailedException greylisted =
        new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(to, "RCPT TO", 451, "451 try later"));

    assertThat(SmtpFailures.classify(rejected).retryable()).isFalse();
    assertThat(SmtpFailures.classify(greylisted).retryable()).isTrue();
  }

  @Test
  void no_connection_and_failed_auth_are_transient() {
    assertThat(
            SmtpFailures.classify(
                    new MessagingException("Couldn't connect", new java.net.ConnectException()))
                .retryable())
        .isTrue();
    assertThat(SmtpFailures.classify(new AuthenticationFailedException("535")).retryable())
        .isTrue();
  }
}
