package com.stonegate.outbox.handler;

import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.notify.Forwarder;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.OutboxEvent;

/**
 * Wraps a handler: once it has processed an event, the event goes to the operators' webhooks. A
 * skipped event is not forwarded; a webhook that fails transiently retries the event, whose work is
 * then found done (ledger, pipeline, calendar are all idempotent) and only the webhook is resent.
 */
final class Forwarding implements EventHandler {
  private final EventHandler inner;
  private final Forwarder forwarder;
  private final Context context;

  Forwarding(EventHandler inner, Forwarder forwarder, Context context) {
    this.inner = inner;
    this.forwarder = forwarder;
    this.context = context;
  }

  @Override
  public Handled handle(OutboxEvent event) throws Exception {
    Handled handled = inner.handle(event);
    if (!handled.skipped()) {
      DeliveryReport report = new DeliveryReport(event.id());
      forwarder.webhooks(report, event.type(), event.createdAt(), event.payload());
      context.finish(report);
    }
    return handled;
  }

  @Override
  public String orderingKey(OutboxEvent event) {
    return inner.orderingKey(event);
  }
}
