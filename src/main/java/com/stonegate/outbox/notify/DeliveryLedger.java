package com.stonegate.outbox.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All SQL on {@code outbox_deliveries}: each message an event sends is claimed here, committed, as
 * {@code sending} before the provider is called, and finished as {@code sent}, {@code failed} or
 * {@code retry} after. Every statement is short and autocommitted.
 */
public final class DeliveryLedger {
  /** The claim: a new row, or a row whose last try failed transiently, becomes ours to send. */
  private static final String CLAIM =
      "INSERT INTO outbox_deliveries (event_id, channel, recipient, state) VALUES (?, ?, ?, 'sending')"
          + " ON CONFLICT (event_id, channel, recipient) DO UPDATE SET state = 'sending',"
          + " attempts = outbox_deliveries.attempts + 1, error = NULL, updated_at = now()"
          + " WHERE outbox_deliveries.state = 'retry' RETURNING id";

  /** How long a provider's answer is kept trying to be recorded through a database outage. */
  static final Duration RESULT_PATIENCE = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);

  private final DataSource dataSource;

  public DeliveryLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Claims one delivery. {@link Claim#mine()} means: send it now. Otherwise it was finished before
   * ({@code sent}, {@code failed}, {@code uncertain}); a row still {@code sending} was left by an
   * attempt that died mid-call, so it is marked {@code uncertain} here and never sent again.
   */
  public Claim claim(UUID eventId, Channel channel, String recipient) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(CLAIM)) {
        bind(s, eventId, channel, recipient);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            return new Claim(r.getObject(1, UUID.class), "sending", true);
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE outbox_deliveries SET state = CASE WHEN state = 'sending' THEN 'uncertain'"
                  + " ELSE state END, error = CASE WHEN state = 'sending' THEN ? ELSE error END,"
                  + " updated_at = now() WHERE event_id = ? AND channel = ? AND recipient = ?"
                  + " RETURNING id, state")) {
        s.setString(1, "an earlier attempt stopped between 'sending' and its result");
        s.setObject(2, eventId);
        s.setString(3, channel.label());
        s.setString(4, recipient);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return new Claim(r.getObject(1, UUID.class), r.getString(2), false);
        }
      }
    }
  }

  /**
   * Whether every delivery of {@code recipients} (one recipient per channel) is finished ({@code
   * sent}, {@code failed}) or already known to be in doubt ({@code uncertain}). A row still {@code
   * sending} is not settled: the caller must go through {@link #claim}, which marks it uncertain,
   * so an attempt that died mid-call is always reported, even when it was the event's only message.
   * No recipients: settled, without a query.
   */
  public boolean settled(UUID eventId, Map<Channel, String> recipients) throws SQLException {
    if (recipients.isEmpty()) {
      return true;
    }
    Set<List<String>> settled = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT channel, recipient FROM outbox_deliveries"
                    + " WHERE event_id = ? AND state IN ('sent', 'failed', 'uncertain')")) {
      s.setObject(1, eventId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          settled.add(List.of(r.getString(1), r.getString(2)));
        }
      }
    }
    return recipients.entrySet().stream()
        .allMatch(e -> settled.contains(List.of(e.getKey().label(), e.getValue())));
  }

  /** The provider accepted it. Also settles a row another attempt had marked uncertain. */
  public void sent(UUID id, String providerMessageId) throws SQLException {
    finish(id, "sent", providerMessageId, null, "'sending', 'uncertain'");
  }

  /** The provider refused it for good; not tried again. */
  public void failed(UUID id, String error) throws SQLException {
    finish(id, "failed", null, error, "'sending'");
  }

  /** It did not go out (a transient failure); the event's next attempt sends it. */
  public void retry(UUID id, String error) throws SQLException {
    finish(id, "retry", null, error, "'sending'");
  }

  /**
   * Records a provider's answer. The call already happened, so an answer that cannot be recorded
   * leaves the row {@code sending} and makes the delivery uncertain; through a short database
   * outage (a restart, a failover) the update is therefore tried again, with backoff, for up to
   * {@link #RESULT_PATIENCE}.
   */
  private void finish(UUID id, String state, String messageId, String error, String from)
      throws SQLException {
    long giveUp = System.nanoTime() + RESULT_PATIENCE.toNanos();
    long delayMs = 100;
    while (true) {
      try {
        update(id, state, messageId, error, from);
        return;
      } catch (SQLException e) {
        if (System.nanoTime() + delayMs * 1_000_000 > giveUp) {
          throw e;
        }
        log.warn(
            "could not record delivery {} as {}, retrying in {} ms: {}",
            id,
            state,
            delayMs,
            e.toString());
        try {
          Thread.sleep(delayMs);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }

  private void update(UUID id, String state, String messageId, String error, String from)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE outbox_deliveries SET state = ?, provider_message_id = ?, error = ?,"
                    + " updated_at = now() WHERE id = ? AND state IN ("
                    + from
                    + ")")) {
      s.setString(1, state);
      s.setString(2, messageId);
      s.setString(3, error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
      s.setObject(4, id);
      s.executeUpdate();
    }
  }

  /** Deliveries, newest first; only {@code uncertain} ones when asked. */
  public List<Delivery> list(boolean uncertainOnly, int limit) throws SQLException {
    String sql =
        "SELECT d.id, d.event_id, e.type, d.channel, d.recipient, d.state, d.provider_message_id,"
            + " d.error, d.attempts, d.created_at, d.updated_at FROM outbox_deliveries d"
            + " LEFT JOIN outbox_events e ON e.id = d.event_id"
            + (uncertainOnly ? " WHERE d.state = 'uncertain'" : "")
            + " ORDER BY d.updated_at DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, limit);
      List<Delivery> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Delivery(
                  r.getObject(1, UUID.class),
                  r.getObject(2, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getInt(9),
                  r.getTimestamp(10).toInstant(),
                  r.getTimestamp(11).toInstant()));
        }
      }
      return rows;
    }
  }

  /** Deliveries an operator must reconcile. */
  public long countUncertain() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM outbox_deliveries WHERE state = 'uncertain'");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void bind(PreparedStatement s, UUID eventId, Channel channel, String recipient)
      throws SQLException {
    s.setObject(1, eventId);
    s.setString(2, channel.label());
    s.setString(3, recipient);
  }

  /**
   * The result of {@link #claim}.
   *
   * @param id the ledger row
   * @param state its state now
   * @param mine true when this attempt must send it
   */
  public record Claim(UUID id, String state, boolean mine) {}
}
