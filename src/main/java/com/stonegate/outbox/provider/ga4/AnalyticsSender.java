package com.stonegate.outbox.provider.ga4;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.provider.ProviderException;

/** Reports one conversion to an analytics service. */
public interface AnalyticsSender {
  /**
   * Sends event {@code name} with {@code params} for the visitor {@code clientId}.
   *
   * @throws ProviderException transient (timeout, no connection, 5xx, 429) or permanent
   */
  void send(String clientId, String name, ObjectNode params) throws ProviderException;
}
