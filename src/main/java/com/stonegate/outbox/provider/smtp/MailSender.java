package com.stonegate.outbox.provider.smtp;

import com.stonegate.outbox.provider.ProviderException;

/** Sends one email. */
public interface MailSender {
  /**
   * Sends the message and returns its {@code Message-ID} once the server accepted it.
   *
   * @throws ProviderException transient (no connection, a timeout, a 4xx reply, failed AUTH) or
   *     permanent (a 5xx reply such as an unknown mailbox, an unparseable address)
   */
  String send(MailMessage message) throws ProviderException;
}
