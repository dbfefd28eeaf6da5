package com.stonegate.outbox.handler;

import com.stonegate.outbox.config.SiteConfig;
import com.stonegate.outbox.notify.AppointmentNotice;
import com.stonegate.outbox.notify.Notifications;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.Handlers;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/** Registers the handler of every StonegateOS event type, each wrapped to feed the webhooks. */
public final class StonegateHandlers {
  /** The event types registered here, in the order the spec lists them. */
  public static final List<String> TYPES =
      List.of(
          "estimate.requested",
          "estimate.rescheduled",
          "lead.created",
          "estimate.status_changed",
          "quote.sent",
          "quote.decision",
          "pipeline.auto_stage_change");

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
    EventHandler[] handlers = {
      new EstimateHandler(AppointmentNotice.Kind.REQUESTED, records, confirmation, context),
      new EstimateHandler(AppointmentNotice.Kind.RESCHEDULED, records, confirmation, context),
      new LeadHandler(false, records, confirmation, n.forwarder(), context),
      new LeadHandler(true, records, confirmation, n.forwarder(), context),
      new QuoteHandler(false, records, n.notifier(), n.pipeline(), n.forwarder(), context),
      new QuoteHandler(true, records, n.notifier(), n.pipeline(), n.forwarder(), context),
      // Written by the worker itself when it changes a stage: nothing to do but forward it.
      event -> Handled.processed()
    };
    for (int i = 0; i < TYPES.size(); i++) {
      builder.add(TYPES.get(i), new Forwarding(handlers[i], n.forwarder(), context));
    }
    return builder;
  }
}
