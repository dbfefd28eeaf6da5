package com.stonegate.outbox.seo;

import com.stonegate.outbox.config.SeoConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.testing.MutableClock;
import com.stonegate.outbox.testing.OpenAiStandIn;
import com.stonegate.outbox.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An autopublisher on a test database, talking to an {@link OpenAiStandIn} that answers like a
 * well-behaved OpenAI unless a test scripts otherwise, with time on a {@link MutableClock}.
 */
final class SeoFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
  static final String FIRST_TOPIC = "garage-cleanout-marietta";
  static final String SECOND_TOPIC = "old-furniture-removal-kennesaw";
  static final String THIRD_TOPIC = "appliance-disposal-woodstock";

  final TestDatabase db;
  final OpenAiStandIn openAi = OpenAiStandIn.start();
  final MutableClock clock = new MutableClock(NOW);
  private final List<SeoAutopublisher> opened = new ArrayList<>();

  SeoFixture(TestDatabase db) {
    this.db = db;
    openAi.fallback(SeoReplies::answer);
  }

  static SeoConfig config(SeoConfig.Mode mode, Duration openAiTimeout) {
    return new SeoConfig(false, Duration.ofHours(6), mode, openAiTimeout, Optional.empty());
  }

  SeoAutopublisher autopublisher() {
    return autopublisher(config(SeoConfig.Mode.PUBLISH, Duration.ofSeconds(10)));
  }

  SeoAutopublisher autopublisher(SeoConfig config) {
    SeoAutopublisher seo =
        new SeoAutopublisher(
            db.dataSource(),
            openAi.config(Duration.ofSeconds(1)),
            config,
            clock,
            ProviderCalls.NONE);
    opened.add(seo);
    return seo;
  }

  /** A published post of {@code topicKey}, published {@code ago} before {@link #NOW}. */
  void published(String slug, String topicKey, Duration ago) {
    db.update(
        "INSERT INTO blog_posts (slug, title, content_markdown, topic_key, published_at, created_at)"
            + " VALUES (?, 'Earlier post', 'Text', ?, ?, ?)",
        slug,
        topicKey,
        NOW.minus(ago).atOffset(ZoneOffset.UTC),
        NOW.minus(ago).minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
  }

  void cursor(int idx) {
    db.update(
        "INSERT INTO seo_agent_state (key, value) VALUES ('blog_topic_cursor', ?::jsonb)",
        "{\"idx\": " + idx + "}");
  }

  int cursor() {
    return Integer.parseInt(
        db.value("SELECT value->>'idx' FROM seo_agent_state WHERE key = 'blog_topic_cursor'"));
  }

  long posts() {
    return db.count("SELECT count(*) FROM blog_posts");
  }

  /** Whether another session can take the autopublisher's advisory lock now. */
  boolean lockIsFree() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + AdvisoryLock.KEY + ")")) {
      r.next();
      boolean free = r.getBoolean(1);
      if (free) {
        s.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.KEY + ")");
      }
      return free;
    }
  }

  @Override
  public void close() {
    opened.forEach(SeoAutopublisher::close);
    openAi.close();
  }
}
