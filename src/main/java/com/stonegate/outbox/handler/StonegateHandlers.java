package com.stonegate.outbox.handler;

import com.stonegate.outbox.config.SiteConfig;
import com.stonegate.outbox.notify.AppointmentNotice;
import com.stonegate.outbox.notify.Notifications;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import java.time.Clock;
import javax.sql.DataSource;

/** Registers the handler of every StonegateOS event type, each wrapped to feed the webhooks. */
public final class StonegateHandlers {
  private StonegateHandlers() {}

  public static Handlers.Builder register(
      Handlers.Builder builder,
      Notifications n,
      DataSource dataSource,
      SiteConfig site,
      Clock clock) {
    Context context = new Context(site, clock);
    CustomerRecords records = new CustomerRecords(dataSource);
    AppointmentConfirmation confirmation =
        new AppointmentConfirmation(n.notifier(), n.calendar(), n.pipeline());
    // The event types, in the order the spec lists them, each next to its handler.
    Registrar add =
        (type, handler) -> builder.add(type, new Forwarding(handler, n.forwarder(), context));
    add.register(
        "estimate.requested",
        new EstimateHandler(AppointmentNotice.Kind.REQUESTED, records, confirmation, context));
    add.register(
        "estimate.rescheduled",
        new EstimateHandler(AppointmentNotice.Kind.RESCHEDULED, records, confirmation, context));
    add.register(
        "lead.created", new LeadHandler(false, records, confirmation, n.forwarder(), context));
    add.register(
        "estimate.status_changed",
        new LeadHandler(true, records, confirmation, n.forwarder(), context));
    add.register(
        "quote.sent",
        new QuoteHandler(false, records, n.notifier(), n.pipeline(), n.forwarder(), context));
    add.register(
        "quote.decision",
        new QuoteHandler(true, records, n.notifier(), n.pipeline(), n.forwarder(), context));
    // Written by the worker itself when it changes a stage: nothing to do but forward it.
    add.register("pipeline.auto_stage_change", event -> Handled.processed());
    return builder;
  }

  /** Adds one event type's handler, wrapped to feed the webhooks. */
  @FunctionalInterface
  private interface Registrar {
    void register(String type, EventHandler handler);
  }
}
