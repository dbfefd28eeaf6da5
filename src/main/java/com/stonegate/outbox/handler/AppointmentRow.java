package com.stonegate.outbox.handler;

import com.stonegate.outbox.notify.Contact;
import com.stonegate.outbox.notify.Scheduling;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appointment joined with its contact, property and lead, as stored.
 *
 * @param status the appointment's status as text (an enum in the API's schema)
 * @param services the lead's {@code services_requested}; empty when none
 * @param notes the lead's notes
 * @param scheduling the lead's {@code form_payload.scheduling}
 */
record AppointmentRow(
    UUID id,
    Contact contact,
    UUID leadId,
    String address,
    Instant startAt,
    int durationMin,
    int travelBufferMin,
    String status,
    String calendarEventId,
    String rescheduleToken,
    List<String> services,
    String notes,
    Scheduling scheduling) {}
