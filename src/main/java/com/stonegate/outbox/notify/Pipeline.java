package com.stonegate.outbox.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The CRM pipeline: moves a contact's {@code crm_pipeline.stage} and, in the same transaction,
 * inserts the {@code pipeline.auto_stage_change} event that tells the API. Nothing happens when the
 * stage is already the target. Works whether {@code stage} is the API's enum or plain text: the
 * value is sent untyped and PostgreSQL casts it to the column's type.
 */
public final class Pipeline {
  private final DataSource dataSource;
  private final Journal journal;
  private final ObjectMapper json = new ObjectMapper();

  public Pipeline(DataSource dataSource, Journal journal) {
    this.dataSource = dataSource;
    this.journal = journal;
  }

  /** Applies the change; returns the stage it came from (empty when there was no change). */
  public Optional<String> move(UUID eventId, StageChange change) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<String> from = apply(c, eventId, change);
        c.commit();
        from.ifPresent(
            f ->
                journal.add(
                    new Journal.Entry(
                        eventId,
                        "pipeline",
                        change.contactId().toString(),
                        "updated",
                        f + " -> " + change.toStage(),
                        null)));
        return from;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private Optional<String> apply(Connection c, UUID eventId, StageChange change)
      throws SQLException {
    String current = lockStage(c, change.contactId());
    if (current == null) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO crm_pipeline (contact_id, stage) VALUES (?, ?)"
                  + " ON CONFLICT (contact_id) DO NOTHING")) {
        s.setObject(1, change.contactId());
        s.setObject(2, change.toStage(), Types.OTHER);
        if (s.executeUpdate() == 0) { // inserted meanwhile by someone else: take that row
          return apply(c, eventId, change);
        }
      }
    } else if (current.equals(change.toStage())) {
      return Optional.empty();
    } else {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE crm_pipeline SET stage = ?, updated_at = now() WHERE contact_id = ?")) {
        s.setObject(1, change.toStage(), Types.OTHER);
        s.setObject(2, change.contactId());
        s.executeUpdate();
      }
    }
    insertEvent(c, eventId, change, current);
    return Optional.of(current == null ? "none" : current);
  }

  private static String lockStage(Connection c, UUID contactId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT stage::text FROM crm_pipeline WHERE contact_id = ? FOR UPDATE")) {
      s.setObject(1, contactId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** The API's own event for stage changes (the only SQL on outbox_events outside queue/). */
  private void insertEvent(Connection c, UUID eventId, StageChange change, String from)
      throws SQLException {
    ObjectNode payload = json.createObjectNode();
    payload.put("contactId", change.contactId().toString());
    payload.put("fromStage", from);
    payload.put("toStage", change.toStage());
    payload.put("reason", change.reason());
    ObjectNode meta = change.meta() == null ? json.createObjectNode() : change.meta().deepCopy();
    meta.put("sourceEventId", eventId.toString());
    payload.set("meta", meta);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox_events (type, payload) VALUES ('pipeline.auto_stage_change', ?::jsonb)")) {
      s.setString(1, payload.toString());
      s.executeUpdate();
    }
  }
}
