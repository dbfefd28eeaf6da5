package com.stonegate.outbox.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything an appointment confirmation says, stored values already overridden by the payload's.
 *
 * @param appointmentId the appointment; also the invite's UID ({@code {id}@myst-os})
 * @param kind requested or rescheduled
 * @param contact the customer
 * @param address the property, one line; null when unknown
 * @param startAt null when not scheduled yet ("TBD", no invite)
 * @param durationMin minutes on site
 * @param travelBufferMin minutes of travel the calendar entry also blocks
 * @param services what was asked for; empty means "Junk removal"
 * @param scheduling the customer's preferred window
 * @param notes the customer's notes; null for none
 * @param rescheduleUrl the customer's link to change the time
 * @param calendarEventId the Google Calendar entry, when one exists
 */
public record AppointmentNotice(
    UUID appointmentId,
    Kind kind,
    Contact contact,
    String address,
    Instant startAt,
    int durationMin,
    int travelBufferMin,
    List<String> services,
    Scheduling scheduling,
    String notes,
    String rescheduleUrl,
    String calendarEventId) {

  /** Which confirmation: a new request or a changed time. */
  public enum Kind {
    REQUESTED,
    RESCHEDULED
  }

  public AppointmentNotice {
    services = List.copyOf(services);
  }

  /** The services as a phrase, "Junk removal" when none were named. */
  public String servicesText() {
    return Formats.services(services);
  }
}
