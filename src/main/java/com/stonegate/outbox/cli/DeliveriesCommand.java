package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.notify.Delivery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The delivery ledger: what each event sent, and what an operator must reconcile. */
@Command(
    name = "deliveries",
    mixinStandardHelpOptions = true,
    description = {
      "List deliveries (SMS, email, alerts, webhooks, GA4) from the ledger, newest first.",
      "--uncertain: only those a worker died sending; check the provider's log for each."
    })
public final class DeliveriesCommand implements Callable<Integer> {
  @Option(names = "--uncertain", description = "Only deliveries in state 'uncertain'.")
  boolean uncertain;

  @Option(
      names = "--limit",
      defaultValue = "100",
      converter = Limit.class,
      description = "At most this many, 1 to " + Limit.MAX + " (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      List<Delivery> rows = app.notifications().ledger().list(uncertain, limit);
      for (Delivery d : rows) {
        System.out.printf(
            "%s  %-9s %-11s %-28s %s%n    event %s (%s), attempts %d, updated %s%s%n",
            d.updatedAt(),
            d.state(),
            d.channel(),
            d.recipient(),
            d.providerMessageId() == null ? "" : d.providerMessageId(),
            d.eventId(),
            d.eventType() == null ? "?" : d.eventType(),
            d.attempts(),
            d.updatedAt(),
            d.error() == null ? "" : "\n    " + d.error());
      }
      System.out.printf("%d %s%n", rows.size(), uncertain ? "uncertain" : "deliveries");
      return 0;
    }
  }
}
