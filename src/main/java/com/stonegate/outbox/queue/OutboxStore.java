package com.stonegate.outbox.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * All SQL on {@code outbox_events}. Every statement is short and autocommitted: no transaction or
 * row lock outlives a call, and none is open while a handler runs. Times come from the caller's
 * clock, so tests move time instead of sleeping.
 */
public final class OutboxStore {
  /** Longest {@code last_error} kept; provider errors can be whole HTML pages. */
  static final int MAX_ERROR_LENGTH = 2000;

  /**
   * The claim of at most {@code limit} events. It commits without waiting for its WAL to reach the
   * disk: if the database crashes in the next few hundred milliseconds the claim is lost, which
   * only makes the events claimable again, exactly as an expired lease does (docs/decisions/0005).
   * Outcomes stay synchronous. The update finds each row by the {@code ctid} the CTE locked (the
   * lock keeps the row from moving) instead of a second primary-key lookup.
   *
   * <p>The limit is written into the statement, not bound as a parameter: for {@code LIMIT ?}
   * PostgreSQL's cached plan assumes a tenth of the table and joins it by a sequential scan, so it
   * plans every claim afresh instead; with the number written out the cached plan is the right one
   * (docs/decisions/0015). The poll loop uses one batch size, so one statement; an admin dispatch
   * with another limit prepares its own.
   */
  static String claimSql(int limit) {
    return "WITH due AS ("
        + " SELECT ctid FROM outbox_events"
        + " WHERE processed_at IS NULL"
        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        + " AND (locked_until IS NULL OR locked_until <= ?)"
        + " ORDER BY created_at LIMIT "
        + limit
        + " FOR UPDATE SKIP LOCKED),"
        + " async AS (SELECT set_config('synchronous_commit', 'off', true))"
        + " UPDATE outbox_events AS e SET locked_by = ?, locked_until = ?, attempts = e.attempts + 1"
        + " FROM due, async WHERE e.ctid = due.ctid"
        + " RETURNING e.id, e.type, e.payload, e.created_at, e.attempts";
  }

  /**
   * The outcome of events that were processed, the common case: one array of ids. The general
   * statement below costs about a third more per batch in PostgreSQL (its five arrays and the join
   * on them; docs/decisions/0017).
   */
  private static final String FINISH_PROCESSED =
      "UPDATE outbox_events SET processed_at = ?,"
          + " next_attempt_at = NULL, dead_at = NULL, skip_reason = NULL,"
          + " locked_by = NULL, locked_until = NULL"
          + " WHERE id = ANY(?::uuid[]) AND locked_by = ?";

  /** The outcome of events that were skipped, are to be retried or are dead. */
  private static final String FINISH =
      "UPDATE outbox_events AS e SET"
          + " processed_at = CASE WHEN f.retry_at IS NULL THEN ?::timestamptz END,"
          + " next_attempt_at = f.retry_at::timestamptz,"
          + " dead_at = CASE WHEN f.dead THEN ?::timestamptz END,"
          + " skip_reason = f.skip_reason,"
          + " last_error = COALESCE(f.error, e.last_error),"
          + " locked_by = NULL, locked_until = NULL"
          + " FROM unnest(?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::text[])"
          + " AS f(id, retry_at, dead, skip_reason, error)"
          + " WHERE e.id = f.id AND e.locked_by = ?";

  private final DataSource dataSource;
  private final ObjectMapper json;

  public OutboxStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Claims at most {@code limit} due events, oldest first, under a lease held by {@code owner}
   * until {@code leaseUntil}. Rows locked by a concurrent claim are skipped, never waited for; an
   * expired lease is taken over. Each claim counts as an attempt.
   */
  public List<OutboxEvent> claimDue(String owner, int limit, Instant now, Instant leaseUntil)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(claimSql(limit))) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setTimestamp(2, Timestamp.from(now));
      s.setString(3, owner);
      s.setTimestamp(4, Timestamp.from(leaseUntil));
      List<OutboxEvent> events = new ArrayList<>(limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          events.add(
              new OutboxEvent(
                  r.getObject(1, UUID.class),
                  r.getString(2),
                  parse(r.getString(3)),
                  r.getTimestamp(4).toInstant(),
                  r.getInt(5)));
        }
      }
      // RETURNING keeps no order.
      events.sort(java.util.Comparator.comparing(OutboxEvent::createdAt));
      return events;
    }
  }

  /**
   * Records the outcomes of one claim, only where {@code owner} still holds the lease: one
   * statement for the processed events, one for the rest. Returns how many were recorded; fewer
   * means a lease was lost and another worker owns (or finished) the rest.
   */
  public int finish(String owner, List<Outcome> outcomes, Instant now) throws SQLException {
    if (outcomes.isEmpty()) {
      return 0; // a stop before any event started: no connection needed, even during an outage
    }
    List<UUID> processed = new ArrayList<>(outcomes.size());
    List<Outcome> others = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.status() == Outcome.Status.PROCESSED) {
        processed.add(o.event().id());
      } else {
        others.add(o);
      }
    }
    int recorded = 0;
    try (Connection c = dataSource.getConnection()) {
      if (!processed.isEmpty()) {
        try (PreparedStatement s = c.prepareStatement(FINISH_PROCESSED)) {
          s.setTimestamp(1, Timestamp.from(now));
          s.setArray(2, c.createArrayOf("uuid", processed.toArray()));
          s.setString(3, owner);
          recorded += s.executeUpdate();
        }
      }
      if (!others.isEmpty()) {
        recorded += finishOthers(c, owner, others, now);
      }
    }
    return recorded;
  }

  private static int finishOthers(Connection c, String owner, List<Outcome> outcomes, Instant now)
      throws SQLException {
    int n = outcomes.size();
    UUID[] ids = new UUID[n];
    String[] retryAt = new String[n];
    Boolean[] dead = new Boolean[n];
    String[] skipReason = new String[n];
    String[] error = new String[n];
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      ids[i] = o.event().id();
      retryAt[i] = o.retryAt() == null ? null : o.retryAt().toString();
      dead[i] = o.status() == Outcome.Status.DEAD;
      skipReason[i] = o.status() == Outcome.Status.SKIPPED ? truncate(o.detail()) : null;
      error[i] = o.failed() ? truncate(o.detail()) : null;
    }
    try (PreparedStatement s = c.prepareStatement(FINISH)) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setTimestamp(2, Timestamp.from(now));
      s.setArray(3, c.createArrayOf("uuid", ids));
      s.setArray(4, c.createArrayOf("text", retryAt));
      s.setArray(5, c.createArrayOf("bool", dead));
      s.setArray(6, c.createArrayOf("text", skipReason));
      s.setArray(7, c.createArrayOf("text", error));
      s.setString(8, owner);
      return s.executeUpdate();
    }
  }

  /** Renews the leases {@code owner} holds on these events; returns how many it still held. */
  public int extendLeases(String owner, Collection<UUID> ids, Instant leaseUntil)
      throws SQLException {
    return updateOwned(
        "UPDATE outbox_events SET locked_until = ?"
            + " WHERE id = ANY(?) AND locked_by = ? AND processed_at IS NULL",
        Timestamp.from(leaseUntil),
        ids,
        owner);
  }

  /**
   * Gives back unfinished events {@code owner} holds, due at once; the interrupted attempt does not
   * count. Used at shutdown.
   */
  public int release(String owner, Collection<UUID> ids) throws SQLException {
    return updateOwned(
        "UPDATE outbox_events SET locked_by = NULL, locked_until = NULL,"
            + " attempts = GREATEST(attempts - ?, 0)"
            + " WHERE id = ANY(?) AND locked_by = ? AND processed_at IS NULL",
        1,
        ids,
        owner);
  }

  /** Inserts an event as the API does; returns its id. */
  public UUID enqueue(String type, JsonNode payload) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outbox_events (type, payload) VALUES (?, ?::jsonb) RETURNING id")) {
      s.setString(1, type);
      s.setString(2, payload.toString());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getObject(1, UUID.class);
      }
    }
  }

  /** Makes these finished or dead events due again with a fresh attempt count. */
  public int requeue(Collection<UUID> ids) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE outbox_events SET " + REQUEUE_SET + " WHERE id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      return s.executeUpdate();
    }
  }

  /** Makes every dead event due again. */
  public int requeueAllDead() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE outbox_events SET " + REQUEUE_SET + " WHERE dead_at IS NOT NULL")) {
      return s.executeUpdate();
    }
  }

  private static final String REQUEUE_SET =
      "processed_at = NULL, dead_at = NULL, skip_reason = NULL, next_attempt_at = NULL,"
          + " attempts = 0, locked_by = NULL, locked_until = NULL";

  /** Dead events, most recent first. */
  public List<DeadEvent> dead(int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, type, attempts, created_at, dead_at, last_error FROM outbox_events"
                    + " WHERE dead_at IS NOT NULL ORDER BY dead_at DESC LIMIT ?")) {
      s.setInt(1, limit);
      List<DeadEvent> dead = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          dead.add(
              new DeadEvent(
                  r.getObject(1, UUID.class),
                  r.getString(2),
                  r.getInt(3),
                  r.getTimestamp(4).toInstant(),
                  r.getTimestamp(5).toInstant(),
                  r.getString(6)));
        }
      }
      return dead;
    }
  }

  /** Events waiting for a retry (not leased), the soonest first: the backoff schedule. */
  public List<RetryingEvent> retrying(Instant now, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, type, attempts, next_attempt_at, last_error FROM outbox_events"
                    + " WHERE processed_at IS NULL AND next_attempt_at > ?"
                    + " AND (locked_until IS NULL OR locked_until <= ?)"
                    + " ORDER BY next_attempt_at LIMIT ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setTimestamp(2, Timestamp.from(now));
      s.setInt(3, limit);
      List<RetryingEvent> retrying = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          retrying.add(
              new RetryingEvent(
                  r.getObject(1, UUID.class),
                  r.getString(2),
                  r.getInt(3),
                  r.getTimestamp(4).toInstant(),
                  r.getString(5)));
        }
      }
      return retrying;
    }
  }

  /** Counts of pending, due, in-flight, retrying and dead events, overall and per type. */
  public QueueStatus status(Instant now) throws SQLException {
    return status(now, true);
  }

  /** {@link #status(Instant)} without the per-type counts (an empty map): no second scan. */
  public QueueStatus totals(Instant now) throws SQLException {
    return status(now, false);
  }

  private QueueStatus status(Instant now, boolean perType) throws SQLException {
    String totals =
        "SELECT count(*),"
            + " count(*) FILTER (WHERE "
            + DUE
            + "),"
            + " count(*) FILTER (WHERE locked_until > ?),"
            + " count(*) FILTER (WHERE next_attempt_at > ? AND (locked_until IS NULL OR locked_until <= ?)),"
            + " COALESCE(EXTRACT(EPOCH FROM ? - min(created_at)), 0),"
            + " COALESCE(EXTRACT(EPOCH FROM ? - min(created_at) FILTER (WHERE "
            + DUE
            + ")), 0),"
            + " (SELECT count(*) FROM outbox_events WHERE dead_at IS NOT NULL)"
            + " FROM outbox_events WHERE processed_at IS NULL";
    String byTypeQuery =
        "SELECT type, count(*) FILTER (WHERE processed_at IS NULL),"
            + " count(*) FILTER (WHERE dead_at IS NOT NULL) FROM outbox_events"
            + " WHERE processed_at IS NULL OR dead_at IS NOT NULL GROUP BY type ORDER BY type";
    try (Connection c = dataSource.getConnection()) {
      Timestamp t = Timestamp.from(now);
      long[] counts = new long[5];
      double[] ages = new double[2];
      try (PreparedStatement s = c.prepareStatement(totals)) {
        for (int i = 1; i <= 9; i++) {
          s.setTimestamp(i, t);
        }
        try (ResultSet r = s.executeQuery()) {
          r.next();
          for (int i = 0; i < 4; i++) {
            counts[i] = r.getLong(i + 1);
          }
          ages[0] = r.getDouble(5);
          ages[1] = r.getDouble(6);
          counts[4] = r.getLong(7);
        }
      }
      Map<String, QueueStatus.TypeCounts> byType = new LinkedHashMap<>();
      if (perType) {
        try (PreparedStatement s = c.prepareStatement(byTypeQuery);
            ResultSet r = s.executeQuery()) {
          while (r.next()) {
            byType.put(r.getString(1), new QueueStatus.TypeCounts(r.getLong(2), r.getLong(3)));
          }
        }
      }
      return new QueueStatus(
          counts[0], counts[1], counts[2], counts[3], counts[4], ages[0], ages[1], byType);
    }
  }

  /**
   * Deletes events finished (processed or skipped, not dead) before {@code cutoff}; returns how
   * many. The table is walked a slice of {@value #PRUNE_PAGES} pages at a time, each slice one
   * short autocommitted DELETE over a TID range: no index on finished rows is needed (none slows
   * the hot path), every row is visited once, and no lock is held for long, so inserts and claims
   * go on meanwhile. Dead events are kept for inspection.
   */
  public long prune(Instant cutoff) throws SQLException {
    long deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      long pages;
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT pg_relation_size('outbox_events') / current_setting('block_size')::int");
          ResultSet r = s.executeQuery()) {
        r.next();
        pages = r.getLong(1);
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM outbox_events WHERE ctid >= ?::tid AND ctid < ?::tid"
                  + " AND processed_at < ? AND dead_at IS NULL")) {
        for (long page = 0; page < pages; page += PRUNE_PAGES) {
          s.setString(1, "(" + page + ",0)");
          s.setString(2, "(" + (page + PRUNE_PAGES) + ",0)");
          s.setTimestamp(3, Timestamp.from(cutoff));
          deleted += s.executeUpdate();
        }
      }
    }
    return deleted;
  }

  /** Pages of the table one prune statement visits: 2 MB, at most a few thousand rows. */
  static final int PRUNE_PAGES = 256;

  /** Unfinished, not waiting for a retry, not under a live lease (two parameters: now, now). */
  private static final String DUE =
      "(next_attempt_at IS NULL OR next_attempt_at <= ?) AND (locked_until IS NULL OR locked_until <= ?)";

  /** Runs {@code sql} with parameters (first, ids, owner). */
  private int updateOwned(String sql, Object first, Collection<UUID> ids, String owner)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, first);
      Array array = c.createArrayOf("uuid", ids.toArray());
      s.setArray(2, array);
      s.setString(3, owner);
      return s.executeUpdate();
    }
  }

  private JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (Exception e) {
      // Too deep or too large for the parser's limits: handlers see no fields at all.
      return MissingNode.getInstance();
    }
  }

  static String truncate(String text) {
    if (text == null || text.length() <= MAX_ERROR_LENGTH) {
      return text;
    }
    return text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
