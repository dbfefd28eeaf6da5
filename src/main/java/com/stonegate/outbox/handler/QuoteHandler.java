package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.notify.Forwarder;
import com.stonegate.outbox.notify.Notifier;
import com.stonegate.outbox.notify.Pipeline;
import com.stonegate.outbox.notify.QuoteNotice;
import com.stonegate.outbox.notify.StageChange;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.OutboxEvent;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code quote.sent}: the "quote ready" notification with the share link, stage {@code quoted}.
 * {@code quote.decision}: the decision notification, stage {@code won} (accepted, also GA4's {@code
 * close_convert_lead}) or {@code lost} (declined). Both alert {@code QUOTE_ALERT_EMAIL}.
 */
final class QuoteHandler implements EventHandler {
  private final boolean decision;
  private final CustomerRecords records;
  private final Notifier notifier;
  private final Pipeline pipeline;
  private final Forwarder forwarder;
  private final Context context;

  QuoteHandler(
      boolean decision,
      CustomerRecords records,
      Notifier notifier,
      Pipeline pipeline,
      Forwarder forwarder,
      Context context) {
    this.decision = decision;
    this.records = records;
    this.notifier = notifier;
    this.pipeline = pipeline;
    this.forwarder = forwarder;
    this.context = context;
  }

  @Override
  public Handled handle(OutboxEvent event) throws Exception {
    Optional<UUID> id = Payload.uuid(event.payload(), "quoteId");
    if (id.isEmpty()) {
      return Handled.skipped("missing_quote_id");
    }
    Optional<String> choice = Payload.text(event.payload(), "decision", 16);
    if (decision && !choice.map(Set.of("accepted", "declined")::contains).orElse(false)) {
      return Handled.skipped("invalid_decision");
    }
    Optional<QuoteRow> row = records.quote(id.get());
    if (row.isEmpty()) {
      return Handled.skipped("quote_not_found");
    }
    QuoteRow q = row.get();
    String token =
        Payload.text(event.payload(), "shareToken", Payload.MAX_SHORT).orElse(q.shareToken());
    if (!decision && (token == null || token.isBlank())) {
      return Handled.skipped("quote_missing_share_url");
    }
    String source =
        Payload.text(event.payload(), "source", 16)
            .filter(Set.of("customer", "admin")::contains)
            .orElse("customer");
    QuoteNotice notice =
        new QuoteNotice(
            q.id(),
            q.contact(),
            q.services(),
            q.total(),
            token == null || token.isBlank() ? null : context.quoteUrl(token),
            q.expiresAt(),
            decision ? choice.get() : null,
            decision ? source : null,
            Payload.text(event.payload(), "notes", Payload.MAX_TEXT).orElse(null));
    DeliveryReport report = new DeliveryReport(event.id());
    notifier.quote(report, notice);
    ObjectNode meta = JsonNodeFactory.instance.objectNode().put("quoteId", q.id().toString());
    String stage = !decision ? "quoted" : notice.accepted() ? "won" : "lost";
    pipeline.move(event.id(), new StageChange(q.contact().id(), stage, event.type(), meta));
    if (decision && notice.accepted()) {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      params.put("quote_id", q.id().toString()).put("currency", "USD");
      params.put("value", q.total() == null ? 0 : q.total().doubleValue());
      forwarder.conversion(report, q.contact().id().toString(), "close_convert_lead", params);
    }
    context.finish(report);
    return Handled.processed();
  }

  @Override
  public String orderingKey(OutboxEvent event) {
    return Payload.text(event.payload(), "quoteId", 64).map(id -> "quote:" + id).orElse(null);
  }
}
