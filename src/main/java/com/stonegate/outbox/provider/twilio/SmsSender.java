package com.stonegate.outbox.provider.twilio;

import com.stonegate.outbox.provider.ProviderException;

/** Sends one text message. */
public interface SmsSender {
  /**
   * Sends {@code body} to {@code to} and returns the provider's message id once it accepted it.
   *
   * @throws ProviderException transient (retry) or permanent (e.g. Twilio 21211, invalid number)
   */
  String send(String to, String body) throws ProviderException;
}
