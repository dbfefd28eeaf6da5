package com.stonegate.outbox.provider.google;

import com.stonegate.outbox.provider.ProviderException;

/** Keeps one calendar entry per appointment. */
public interface CalendarClient {
  /**
   * Updates the entry {@code existingId} (when not null), or creates {@link CalendarEvent#id()}
   * when there is none or it was deleted; a create that finds the id taken updates it instead.
   * Idempotent. Returns the id of the entry now on the calendar.
   */
  String upsert(String existingId, CalendarEvent event) throws ProviderException;
}
