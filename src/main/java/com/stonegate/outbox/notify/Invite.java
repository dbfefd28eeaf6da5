package com.stonegate.outbox.notify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar invite of an appointment email ({@code METHOD:REQUEST}), built with ical4j so
 * escaping and line folding follow RFC 5545. Times are UTC; the UID {@code {appointmentId}@myst-os}
 * is stable, so a rescheduled invite (a higher {@code SEQUENCE}) moves the same calendar entry.
 */
public final class Invite {
  private Invite() {}

  /**
   * The invite, or null when the appointment has no start time yet.
   *
   * @param organizer the sender's address ({@code SMTP_FROM})
   * @param sequence higher for each later version of the same appointment
   */
  public static String request(AppointmentNotice n, String organizer, Instant now, int sequence) {
    if (n.startAt() == null) {
      return null;
    }
    Instant end = n.startAt().plus(Duration.ofMinutes(n.durationMin()));
    VEvent event = new VEvent(n.startAt(), end, "Stonegate Junk Removal estimate");
    event.add(new Uid(n.appointmentId() + "@myst-os"));
    event.add(new Sequence(sequence));
    event.add(new Description(description(n)));
    if (n.address() != null) {
      event.add(new Location(n.address()));
    }
    event.add(new Organizer(URI.create("mailto:" + bareAddress(organizer))));
    if (n.contact().email() != null) {
      event.add(new Attendee(URI.create("mailto:" + n.contact().email())));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Stonegate//Outbox Worker//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.REQUEST);
    calendar.add(event);
    // DTSTAMP: ical4j stamps the event with the time it was built; pin it to the caller's clock.
    event.replace(new net.fortuna.ical4j.model.property.DtStamp(now));
    return calendar.toString();
  }

  static String description(AppointmentNotice n) {
    StringBuilder d = new StringBuilder("Services: ").append(n.servicesText());
    if (n.notes() != null) {
      d.append("\nNotes: ").append(n.notes());
    }
    d.append("\nReschedule: ").append(n.rescheduleUrl());
    return d.toString();
  }

  /** {@code hello@example.com} from {@code Stonegate <hello@example.com>}. */
  static String bareAddress(String from) {
    int lt = from.indexOf('<');
    int gt = from.indexOf('>');
    return lt >= 0 && gt > lt ? from.substring(lt + 1, gt).trim() : from.trim();
  }
}
