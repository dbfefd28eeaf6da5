package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.notify.AppointmentNotice;
import com.stonegate.outbox.notify.CalendarSync;
import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.notify.Notifier;
import com.stonegate.outbox.notify.Pipeline;
import com.stonegate.outbox.notify.StageChange;
import java.sql.SQLException;
import java.util.List;

/**
 * The work shared by the appointment events: build the notice (payload values over stored ones),
 * sync the calendar, send the confirmation, move the pipeline stage.
 */
final class AppointmentConfirmation {
  private final Notifier notifier;
  private final CalendarSync calendar;
  private final Pipeline pipeline;

  AppointmentConfirmation(Notifier notifier, CalendarSync calendar, Pipeline pipeline) {
    this.notifier = notifier;
    this.calendar = calendar;
    this.pipeline = pipeline;
  }

  /** The notice for {@code row}, with the payload's services, scheduling and notes over it. */
  static AppointmentNotice notice(
      AppointmentRow row,
      com.fasterxml.jackson.databind.JsonNode payload,
      AppointmentNotice.Kind kind,
      String rescheduleUrl) {
    List<String> services = Payload.strings(payload, "services").orElse(row.services());
    return new AppointmentNotice(
        row.id(),
        kind,
        row.contact(),
        row.address(),
        row.startAt(),
        row.durationMin(),
        row.travelBufferMin(),
        services,
        row.scheduling().overriddenBy(Payload.scheduling(payload)),
        Payload.text(payload, "notes", Payload.MAX_TEXT).orElse(row.notes()),
        rescheduleUrl,
        row.calendarEventId());
  }

  /** Calendar (when asked), confirmation (when asked), then the stage. */
  void run(
      DeliveryReport report,
      AppointmentNotice notice,
      boolean syncCalendar,
      boolean confirm,
      String stage,
      String reason)
      throws SQLException {
    if (syncCalendar) {
      calendar.sync(report, notice);
    }
    if (confirm) {
      notifier.appointment(report, notice);
    }
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("appointmentId", notice.appointmentId().toString());
    pipeline.move(report.eventId(), new StageChange(notice.contact().id(), stage, reason, meta));
  }
}
