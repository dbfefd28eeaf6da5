package com.stonegate.outbox.handler;

import com.stonegate.outbox.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A small realistic customer: contact, property, lead (with services and a preferred window), an
 * appointment on 2026-12-08 14:00 UTC, and a quote of $1,234.50.
 */
final class SampleData {
  static final Instant START = Instant.parse("2026-12-08T14:00:00Z");

  final UUID contactId;
  final UUID propertyId;
  final UUID leadId;
  final UUID appointmentId;
  final UUID quoteId;

  private SampleData(UUID contact, UUID property, UUID lead, UUID appointment, UUID quote) {
    this.contactId = contact;
    this.propertyId = property;
    this.leadId = lead;
    this.appointmentId = appointment;
    this.quoteId = quote;
  }

  static SampleData insert(TestDatabase db) {
    return insert(db, "dana@example.com", "+14045550101");
  }

  static SampleData insert(TestDatabase db, String email, String phone) {
    UUID contact =
        db.value(
            "INSERT INTO contacts (first_name, last_name, email, phone, phone_e164)"
                + " VALUES ('Dana', 'Whitfield', ?, '(404) 555-0101', ?) RETURNING id",
            email,
            phone);
    UUID property =
        db.value(
            "INSERT INTO properties (contact_id, address_line1, city, state, postal_code)"
                + " VALUES (?, '118 Kennesaw Ave', 'Marietta', 'GA', '30060') RETURNING id",
            contact);
    UUID lead =
        db.value(
            "INSERT INTO leads (contact_id, property_id, services_requested, notes, form_payload)"
                + " VALUES (?, ?, ARRAY['Garage cleanout', 'Hot tub removal'], 'Side gate code 4411',"
                + " '{\"scheduling\": {\"preferredDate\": \"2026-12-08\", \"timeWindow\": \"morning\"}}')"
                + " RETURNING id",
            contact,
            property);
    UUID appointment =
        db.value(
            "INSERT INTO appointments (contact_id, property_id, lead_id, start_at, duration_min,"
                + " travel_buffer_min, reschedule_token) VALUES (?, ?, ?, ?, 90, 30, 'tok-8f2a')"
                + " RETURNING id",
            contact,
            property,
            lead,
            Timestamp.from(START));
    UUID quote =
        db.value(
            "INSERT INTO quotes (contact_id, property_id, services, zone_id, subtotal, total,"
                + " deposit_due, deposit_rate, balance_due, line_items, share_token, expires_at)"
                + " VALUES (?, ?, '[\"Garage cleanout\", \"Hot tub removal\"]', 'cobb', 1234.50,"
                + " 1234.50, 0, 0, 1234.50, '[]', 'q-share-77', ?) RETURNING id",
            contact,
            property,
            Timestamp.from(START.plusSeconds(14 * 86400)));
    return new SampleData(contact, property, lead, appointment, quote);
  }

  String stage(TestDatabase db) {
    return db.value("SELECT stage::text FROM crm_pipeline WHERE contact_id = ?", contactId);
  }
}
