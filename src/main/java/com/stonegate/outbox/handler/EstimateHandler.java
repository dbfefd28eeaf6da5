package com.stonegate.outbox.handler;

import com.stonegate.outbox.notify.AppointmentNotice;
import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.OutboxEvent;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code estimate.requested} and {@code estimate.rescheduled}: make sure the calendar entry exists
 * (or moves), send the confirmation ("requested" or "rescheduled"), stage {@code qualified}.
 */
final class EstimateHandler implements EventHandler {
  private final AppointmentNotice.Kind kind;
  private final CustomerRecords records;
  private final AppointmentConfirmation confirmation;
  private final Context context;

  EstimateHandler(
      AppointmentNotice.Kind kind,
      CustomerRecords records,
      AppointmentConfirmation confirmation,
      Context context) {
    this.kind = kind;
    this.records = records;
    this.confirmation = confirmation;
    this.context = context;
  }

  @Override
  public Handled handle(OutboxEvent event) throws Exception {
    Optional<UUID> id = Payload.uuid(event.payload(), "appointmentId");
    if (id.isEmpty()) {
      return Handled.skipped("missing_appointment_id");
    }
    Optional<AppointmentRow> row = records.appointment(id.get());
    if (row.isEmpty()) {
      return Handled.skipped("appointment_not_found");
    }
    if (row.get().rescheduleToken() == null || row.get().rescheduleToken().isBlank()) {
      return Handled.skipped("missing_reschedule_token");
    }
    String link = context.rescheduleUrl(id.get(), row.get().rescheduleToken());
    if (kind == AppointmentNotice.Kind.RESCHEDULED) {
      link = Payload.text(event.payload(), "rescheduleUrl", Payload.MAX_SHORT * 5).orElse(link);
    }
    DeliveryReport report = new DeliveryReport(event.id());
    AppointmentNotice notice =
        AppointmentConfirmation.notice(row.get(), event.payload(), kind, link);
    confirmation.run(report, notice, true, true, "qualified", event.type());
    context.finish(report);
    return Handled.processed();
  }

  @Override
  public String orderingKey(OutboxEvent event) {
    return Payload.text(event.payload(), "appointmentId", 64)
        .map(id -> "appointment:" + id)
        .orElse(null);
  }
}
