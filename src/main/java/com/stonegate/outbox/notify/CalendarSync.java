package com.stonegate.outbox.notify;

import com.stonegate.outbox.provider.ProviderException;
import com.stonegate.outbox.provider.google.CalendarClient;
import com.stonegate.outbox.provider.google.CalendarEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps a Google Calendar entry per appointment (optional): created or updated, spanning the
 * duration plus the travel buffer, its id stored in {@code appointments.calendar_event_id}. The
 * entry's id is derived from the appointment's, so a repeated attempt updates rather than
 * duplicates it; that is why calendar sync needs no ledger row.
 */
public final class CalendarSync {
  private final Optional<CalendarClient> calendar;
  private final DataSource dataSource;
  private final Journal journal;
  private final ZoneId zone;

  public CalendarSync(
      Optional<CalendarClient> calendar, DataSource dataSource, Journal journal, ZoneId zone) {
    this.calendar = calendar;
    this.dataSource = dataSource;
    this.journal = journal;
    this.zone = zone;
  }

  /** Creates or updates the entry; a transient failure goes into {@code report}. */
  public void sync(DeliveryReport report, AppointmentNotice n) throws SQLException {
    if (calendar.isEmpty()) {
      note(report, n, "skipped", "Google Calendar not configured");
      return;
    }
    if (n.startAt() == null) {
      note(report, n, "skipped", "no start time yet");
      return;
    }
    CalendarEvent event =
        new CalendarEvent(
            n.appointmentId().toString().replace("-", ""),
            "Estimate: " + n.contact().name(),
            Invite.description(n),
            n.address(),
            n.startAt(),
            n.startAt().plus(Duration.ofMinutes((long) n.durationMin() + n.travelBufferMin())),
            zone.getId());
    try {
      String id = calendar.get().upsert(n.calendarEventId(), event);
      if (!id.equals(n.calendarEventId())) {
        store(n, id);
      }
      note(report, n, "sent", id);
    } catch (ProviderException e) {
      if (e.retryable()) {
        report.retryLater(e);
      }
      note(report, n, e.retryable() ? "retry" : "failed", e.getMessage());
    }
  }

  private void store(AppointmentNotice n, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE appointments SET calendar_event_id = ?, updated_at = now() WHERE id = ?")) {
      s.setString(1, id);
      s.setObject(2, n.appointmentId());
      s.executeUpdate();
    }
  }

  private void note(DeliveryReport report, AppointmentNotice n, String status, String detail) {
    journal.add(
        new Journal.Entry(
            report.eventId(), "calendar", n.appointmentId().toString(), status, detail, null));
  }
}
