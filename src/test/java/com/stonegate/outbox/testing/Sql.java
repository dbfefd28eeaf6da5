package com.stonegate.outbox.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC for tests on any database: statements, rows, single values, counts. */
public record Sql(DataSource dataSource) {

  /** Runs one or more statements; returns the update count (0 when none). */
  public int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      s.execute();
      return Math.max(s.getUpdateCount(), 0);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows as column→value maps. */
  public List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single value of a one-row, one-column query. */
  @SuppressWarnings("unchecked") // the caller names the column's Java type
  public <T> T value(String sql, Object... params) {
    List<Map<String, Object>> rows = query(sql, params);
    return (T) rows.get(0).values().iterator().next();
  }

  public long count(String sql, Object... params) {
    return ((Number) value(sql, params)).longValue();
  }

  /** The first column of every row, as text. */
  public List<String> strings(String sql, Object... params) {
    return query(sql, params).stream()
        .map(row -> String.valueOf(row.values().iterator().next()))
        .toList();
  }

  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
  }
}
