package com.stonegate.outbox.provider.google;

import java.time.Instant;

/**
 * A calendar entry for one appointment.
 *
 * @param id the id to create it under; the same appointment always gets the same id, so a repeated
 *     create finds the first one instead of making a duplicate (Google's ids: 5–1024 characters of
 *     a–v and 0–9)
 * @param summary the title
 * @param description services, notes and the reschedule link
 * @param location the address
 * @param start when it starts
 * @param end when it ends
 * @param timeZone the IANA zone the calendar shows it in
 */
public record CalendarEvent(
    String id,
    String summary,
    String description,
    String location,
    Instant start,
    Instant end,
    String timeZone) {}
