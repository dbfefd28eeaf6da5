package com.stonegate.outbox.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.config.Ga4Config;
import com.stonegate.outbox.config.WebhookConfig;
import com.stonegate.outbox.provider.ga4.AnalyticsSender;
import com.stonegate.outbox.provider.webhook.WebhookSender;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The analytics hooks: each finished event to the operators' webhooks whose pattern matches its
 * type, and conversions to Google Analytics 4. Both go through the {@link Courier}, so each
 * endpoint gets each event at most once (with the usual uncertain case).
 */
public final class Forwarder {
  private final WebhookConfig webhooks;
  private final WebhookSender webhookSender;
  private final Ga4Config ga4;
  private final Optional<AnalyticsSender> analytics;
  private final Courier courier;
  private final ObjectMapper json = new ObjectMapper();

  public Forwarder(
      WebhookConfig webhooks,
      WebhookSender webhookSender,
      Ga4Config ga4,
      Optional<AnalyticsSender> analytics,
      Courier courier) {
    this.webhooks = webhooks;
    this.webhookSender = webhookSender;
    this.ga4 = ga4;
    this.analytics = analytics;
    this.courier = courier;
  }

  /**
   * Posts {@code {"type","timestamp","data"}} (Standard Webhooks' payload shape; {@code data} is
   * the event's payload, {@code timestamp} its creation time) with the event id as {@code
   * webhook-id}.
   */
  public void webhooks(DeliveryReport report, String type, Instant createdAt, JsonNode payload)
      throws SQLException {
    List<WebhookConfig.Target> matching = new ArrayList<>();
    for (WebhookConfig.Target target : webhooks.targets()) {
      if (target.accepts(type)) {
        matching.add(target);
      }
    }
    if (matching.isEmpty()) {
      return;
    }
    ObjectNode body = json.createObjectNode();
    body.put("type", type);
    body.put("timestamp", createdAt.toString());
    body.set("data", payload);
    String text = body.toString();
    String id = "evt_" + report.eventId();
    for (WebhookConfig.Target target : matching) {
      courier.deliver(
          report,
          Channel.WEBHOOK,
          target.url().toString(),
          text,
          () -> {
            webhookSender.post(target.url(), id, text);
            return null;
          });
    }
  }

  /** Sends a GA4 conversion ({@code generate_lead}, {@code close_convert_lead}) when configured. */
  public void conversion(DeliveryReport report, String clientId, String name, ObjectNode params)
      throws SQLException {
    String content = name + " " + params;
    if (analytics.isEmpty()) {
      courier.unsent(report.eventId(), Channel.GA4, name, "GA4 not configured", content);
      return;
    }
    courier.deliver(
        report,
        Channel.GA4,
        ga4.measurementId().orElseThrow() + ":" + name,
        content,
        () -> {
          analytics.get().send(clientId, name, params);
          return null;
        });
  }
}
