package com.stonegate.outbox.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.stonegate.outbox.notify.Contact;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the API's rows the handlers need, with plain SQL. Enum columns are read as text, so the
 * API's schema and a text-typed one read the same.
 */
final class CustomerRecords {
  private static final String APPOINTMENT =
      "SELECT a.id, a.contact_id, a.lead_id, a.start_at, a.duration_min, a.travel_buffer_min,"
          + " a.status::text, a.calendar_event_id, a.reschedule_token,"
          + " c.first_name, c.last_name, c.email, c.phone_e164, c.phone,"
          + " p.address_line1, p.address_line2, p.city, p.state, p.postal_code,"
          + " l.services_requested, l.notes, l.form_payload::text"
          + " FROM appointments a JOIN contacts c ON c.id = a.contact_id"
          + " LEFT JOIN properties p ON p.id = a.property_id"
          + " LEFT JOIN leads l ON l.id = a.lead_id";

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();

  CustomerRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<AppointmentRow> appointment(UUID id) throws SQLException {
    return one(APPOINTMENT + " WHERE a.id = ?", id, this::appointmentRow);
  }

  /** The lead's latest appointment. */
  Optional<AppointmentRow> appointmentForLead(UUID leadId) throws SQLException {
    return one(
        APPOINTMENT + " WHERE a.lead_id = ? ORDER BY a.created_at DESC LIMIT 1",
        leadId,
        this::appointmentRow);
  }

  boolean leadExists(UUID leadId) throws SQLException {
    return one("SELECT 1 FROM leads WHERE id = ?", leadId, r -> Boolean.TRUE).isPresent();
  }

  Optional<QuoteRow> quote(UUID id) throws SQLException {
    String sql =
        "SELECT q.id, q.contact_id, c.first_name, c.last_name, c.email, c.phone_e164, c.phone,"
            + " q.services::text, q.total, q.share_token, q.expires_at"
            + " FROM quotes q JOIN contacts c ON c.id = q.contact_id WHERE q.id = ?";
    return one(
        sql,
        id,
        r ->
            new QuoteRow(
                id,
                contact(r, 2, 3),
                strings(parse(r.getString(8))),
                r.getBigDecimal(9),
                r.getString(10),
                instant(r.getTimestamp(11))));
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  /** Runs {@code sql} with {@code id} as its one parameter and reads its first row, if any. */
  private <T> Optional<T> one(String sql, UUID id, Row<T> row) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row.read(r)) : Optional.empty();
      }
    }
  }

  /**
   * The contact whose id is in column {@code idColumn} and whose first name, last name, email,
   * phone_e164 and phone are the five columns from {@code firstColumn}.
   */
  private static Contact contact(ResultSet r, int idColumn, int firstColumn) throws SQLException {
    return Contact.of(
        r.getObject(idColumn, UUID.class),
        r.getString(firstColumn),
        r.getString(firstColumn + 1),
        r.getString(firstColumn + 2),
        r.getString(firstColumn + 3),
        r.getString(firstColumn + 4));
  }

  private AppointmentRow appointmentRow(ResultSet r) throws SQLException {
    Contact contact = contact(r, 2, 10);
    JsonNode form = parse(r.getString(22));
    return new AppointmentRow(
        r.getObject(1, UUID.class),
        contact,
        r.getObject(3, UUID.class),
        address(
            r.getString(15), r.getString(16), r.getString(17), r.getString(18), r.getString(19)),
        instant(r.getTimestamp(4)),
        r.getInt(5),
        r.getInt(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        textArray(r.getArray(20)),
        r.getString(21),
        Payload.scheduling(form));
  }

  static String address(String line1, String line2, String city, String state, String zip) {
    if (line1 == null) {
      return null;
    }
    StringBuilder a = new StringBuilder(line1.trim());
    if (line2 != null && !line2.isBlank()) {
      a.append(", ").append(line2.trim());
    }
    a.append(", ").append(city).append(", ").append(state).append(' ').append(zip);
    return a.toString();
  }

  private JsonNode parse(String text) {
    try {
      return text == null ? MissingNode.getInstance() : json.readTree(text);
    } catch (java.io.IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.isTextual() && !item.asText().isBlank()) {
        items.add(item.asText().trim());
      }
    }
    return items;
  }

  private static List<String> textArray(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (Object item : (Object[]) array.getArray()) {
      if (item != null && !item.toString().isBlank()) {
        items.add(item.toString().trim());
      }
    }
    return items;
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
