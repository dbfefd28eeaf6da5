package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.notify.Journal;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Prints, per demo event, its outcome and each thing it sent or would have sent. */
final class DemoReport {
  private DemoReport() {}

  static void print(
      PrintStream out, Application app, Map<String, String[]> events, List<Journal.Entry> entries)
      throws Exception {
    for (Map.Entry<String, String[]> event : events.entrySet()) {
      UUID id = UUID.fromString(event.getKey());
      out.println();
      out.printf("== %s %s%n", event.getValue()[0], event.getValue()[1]);
      out.println("   outcome: " + outcome(app, id));
      synchronized (entries) {
        for (Journal.Entry e : entries) {
          if (e.eventId().equals(id)) {
            line(out, e);
          }
        }
      }
    }
  }

  private static void line(PrintStream out, Journal.Entry e) {
    String to = e.recipient() == null || e.recipient().isEmpty() ? "" : " -> " + e.recipient();
    String what =
        switch (e.status()) {
          case "unsent" -> "would send (" + e.detail() + ")";
          case "sent" -> "sent" + (e.detail() == null ? "" : " (" + e.detail() + ")");
          default -> e.status() + (e.detail() == null ? "" : " (" + e.detail() + ")");
        };
    out.printf("   %-11s%s: %s%n", e.what(), to, what);
    if (e.content() != null) {
      for (String l : e.content().split("\n")) {
        out.println("      | " + l);
      }
    }
  }

  private static String outcome(Application app, UUID id) throws Exception {
    try (Connection c = app.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT processed_at IS NOT NULL, skip_reason, dead_at IS NOT NULL, last_error"
                    + " FROM outbox_events WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getBoolean(3)) {
          return "dead: " + r.getString(4);
        }
        if (!r.getBoolean(1)) {
          return "to retry: " + r.getString(4);
        }
        return r.getString(2) == null ? "processed" : "skipped: " + r.getString(2);
      }
    }
  }
}
