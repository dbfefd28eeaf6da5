package com.stonegate.outbox.seo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autopublisher's rows in {@code seo_agent_state}, under the original worker's keys: the topic
 * cursor {@code blog_topic_cursor} ({@code {"idx": n}}) and the last attempt {@code
 * blog_autopublish_last} ({@code {"attemptedAt", "invokedBy", "disabled", "openaiConfigured",
 * "model", "result"}}), which the API's admin pages can show.
 */
final class AgentState {
  static final String CURSOR = "blog_topic_cursor";
  static final String LAST_ATTEMPT = "blog_autopublish_last";

  private static final Logger log = LoggerFactory.getLogger(AgentState.class);

  private final DataSource dataSource;
  private final ObjectMapper json;

  AgentState(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** The stored cursor; 0 when absent, negative or not a number (as the original read it). */
  int cursor(Connection c) throws SQLException {
    String sql = "SELECT value->>'idx' FROM seo_agent_state WHERE key = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, CURSOR);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? parseCursor(r.getString(1)) : 0;
      }
    }
  }

  void writeCursor(Connection c, int next, Instant now) throws SQLException {
    upsert(c, CURSOR, json.createObjectNode().put("idx", next).toString(), now);
  }

  /** Records the attempt's result; a failure to do so is logged, never thrown. */
  void recordAttempt(Attempt attempt, SeoResult result) {
    ObjectNode value = json.createObjectNode();
    value.put("attemptedAt", attempt.at().toString());
    value.put("invokedBy", attempt.invokedBy());
    value.put("disabled", attempt.disabled());
    value.put("openaiConfigured", attempt.openAiConfigured());
    value.put("model", attempt.model());
    value.set("result", json.valueToTree(result));
    try (Connection c = dataSource.getConnection()) {
      upsert(c, LAST_ATTEMPT, value.toString(), attempt.at());
    } catch (SQLException e) {
      log.debug("could not record the SEO attempt: {}", e.toString());
    }
  }

  static int parseCursor(String raw) {
    if (raw == null) {
      return 0;
    }
    try {
      double value = Double.parseDouble(raw.strip());
      return Double.isFinite(value) ? (int) Math.min(Integer.MAX_VALUE, Math.max(0, value)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void upsert(Connection c, String key, String value, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO seo_agent_state (key, value, updated_at) VALUES (?, ?::jsonb, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,"
            + " updated_at = EXCLUDED.updated_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setString(2, value);
      s.setObject(3, PostStore.utc(now));
      s.executeUpdate();
    }
  }

  /** Who attempted, when, and with what configuration. */
  record Attempt(
      Instant at, String invokedBy, boolean disabled, boolean openAiConfigured, String model) {}
}
