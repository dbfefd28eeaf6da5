package com.stonegate.outbox.provider.webhook;

import com.stonegate.outbox.provider.ProviderException;
import java.net.URI;

/** Posts one signed JSON message to an operator's endpoint. */
public interface WebhookSender {
  /**
   * Posts {@code body} to {@code url} with the Standard Webhooks headers; {@code id} is the same on
   * every retry of one message, so the receiver can drop duplicates.
   *
   * @throws ProviderException transient (timeout, no connection, 5xx, 429) or permanent (other 4xx)
   */
  void post(URI url, String id, String body) throws ProviderException;
}
