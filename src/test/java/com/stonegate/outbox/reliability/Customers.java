package com.stonegate.outbox.reliability;

import com.stonegate.outbox.testing.Sql;

/**
 * StonegateOS customers in bulk, numbered: customer {@code n} has the email {@code
 * customer-n@example.com}, the phone {@code +1404} and n on seven digits (when asked), a property,
 * a lead, an appointment a week from now and a quote with a share token. One statement per call, so
 * thousands are inserted in a blink.
 */
final class Customers {
  private Customers() {}

  /** Inserts customers {@code first .. first + count - 1}. */
  static void insert(Sql sql, int first, int count, boolean phones) {
    sql.update(
        "WITH c AS (INSERT INTO contacts (first_name, last_name, email, phone_e164)"
            + "   SELECT 'Customer', g::text, 'customer-' || g || '@example.com',"
            + "   CASE WHEN ? THEN '+1404' || lpad(g::text, 7, '0') END"
            + "   FROM generate_series(?::int, ?::int) g RETURNING id, last_name),"
            + " p AS (INSERT INTO properties (contact_id, address_line1, city, state, postal_code)"
            + "   SELECT id, last_name || ' Kennesaw Ave', 'Marietta', 'GA', '30060' FROM c"
            + "   RETURNING id, contact_id),"
            + " l AS (INSERT INTO leads (contact_id, property_id, services_requested, notes)"
            + "   SELECT contact_id, id, ARRAY['Garage cleanout'], 'Side gate' FROM p"
            + "   RETURNING id, contact_id, property_id),"
            + " a AS (INSERT INTO appointments"
            + "   (contact_id, property_id, lead_id, start_at, reschedule_token)"
            + "   SELECT contact_id, property_id, id, now() + interval '7 days', md5(id::text) FROM l)"
            + " INSERT INTO quotes (contact_id, property_id, services, zone_id, subtotal, total,"
            + "   deposit_due, deposit_rate, balance_due, line_items, share_token, expires_at)"
            + " SELECT contact_id, id, '[\"Garage cleanout\"]', 'cobb', 450, 450, 0, 0, 450, '[]',"
            + "   md5(random()::text), now() + interval '14 days' FROM p",
        phones,
        first,
        first + count - 1);
  }

  /**
   * Queues one event of {@code type} per customer {@code first .. first + count - 1}, with the
   * payload the API writes for it.
   */
  static void enqueue(Sql sql, String type, int first, int count) {
    sql.update(
        "INSERT INTO outbox_events (type, payload)"
            + " SELECT ?, CASE ?"
            + "   WHEN 'lead.created' THEN jsonb_build_object('leadId', l.id)"
            + "   WHEN 'estimate.status_changed' THEN"
            + "     jsonb_build_object('leadId', l.id, 'status', 'confirmed')"
            + "   WHEN 'quote.sent' THEN jsonb_build_object('quoteId', q.id)"
            + "   WHEN 'quote.decision' THEN"
            + "     jsonb_build_object('quoteId', q.id, 'decision', 'accepted')"
            + "   ELSE jsonb_build_object('appointmentId', a.id) END"
            + " FROM contacts c JOIN appointments a ON a.contact_id = c.id"
            + " JOIN leads l ON l.id = a.lead_id JOIN quotes q ON q.contact_id = c.id"
            + " WHERE c.first_name = 'Customer' AND c.last_name::int BETWEEN ? AND ?"
            + " ORDER BY c.last_name::int",
        type,
        type,
        first,
        first + count - 1);
  }

  static String email(int n) {
    return "customer-" + n + "@example.com";
  }

  static String phone(int n) {
    return String.format("+1404%07d", n);
  }
}
