package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.notify.AppointmentNotice;
import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.notify.Forwarder;
import com.stonegate.outbox.queue.EventHandler;
import com.stonegate.outbox.queue.Handled;
import com.stonegate.outbox.queue.OutboxEvent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code lead.created} and {@code estimate.status_changed}: find the lead's appointment, send the
 * confirmation ("requested"), move the stage. For a status change the stage follows the status
 * (requested/confirmed → qualified, completed → won, no_show/canceled → lost), and the confirmation
 * goes out only while the appointment is still on (requested/confirmed): a customer whose
 * appointment was canceled is not told "You're booked!". {@code lead.created} also reports {@code
 * generate_lead} to GA4.
 */
final class LeadHandler implements EventHandler {
  static final Map<String, String> STAGE_BY_STATUS =
      Map.of(
          "requested", "qualified",
          "confirmed", "qualified",
          "completed", "won",
          "no_show", "lost",
          "canceled", "lost");

  private final boolean statusChange;
  private final CustomerRecords records;
  private final AppointmentConfirmation confirmation;
  private final Forwarder forwarder;
  private final Context context;

  LeadHandler(
      boolean statusChange,
      CustomerRecords records,
      AppointmentConfirmation confirmation,
      Forwarder forwarder,
      Context context) {
    this.statusChange = statusChange;
    this.records = records;
    this.confirmation = confirmation;
    this.forwarder = forwarder;
    this.context = context;
  }

  @Override
  public Handled handle(OutboxEvent event) throws Exception {
    Optional<UUID> leadId = Payload.uuid(event.payload(), "leadId");
    if (leadId.isEmpty()) {
      return Handled.skipped("missing_lead_id");
    }
    Optional<AppointmentRow> row = records.appointmentForLead(leadId.get());
    if (row.isEmpty()) {
      return Handled.skipped(
          records.leadExists(leadId.get()) ? "no_appointment_for_lead" : "lead_not_found");
    }
    AppointmentRow a = row.get();
    if (a.rescheduleToken() == null || a.rescheduleToken().isBlank()) {
      return Handled.skipped("missing_reschedule_token");
    }
    String status =
        Payload.text(event.payload(), "status", 32)
            .filter(STAGE_BY_STATUS::containsKey)
            .orElse(a.status());
    String stage = statusChange ? STAGE_BY_STATUS.getOrDefault(status, "qualified") : "qualified";
    AppointmentNotice notice =
        AppointmentConfirmation.notice(
            a,
            event.payload(),
            AppointmentNotice.Kind.REQUESTED,
            context.rescheduleUrl(a.id(), a.rescheduleToken()));
    DeliveryReport report = new DeliveryReport(event.id());
    confirmation.run(report, notice, false, "qualified".equals(stage), stage, event.type());
    if (!statusChange) {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      params.put("lead_id", leadId.get().toString());
      params.put("appointment_id", a.id().toString());
      params.put("services", notice.servicesText());
      forwarder.conversion(report, a.contact().id().toString(), "generate_lead", params);
    }
    context.finish(report);
    return Handled.processed();
  }

  @Override
  public String orderingKey(OutboxEvent event) {
    return Payload.text(event.payload(), "leadId", 64).map(id -> "lead:" + id).orElse(null);
  }
}
