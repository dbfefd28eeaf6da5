package com.stonegate.outbox.seo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Review mode's other half: the unpublished posts ({@code published_at} null) waiting for staff,
 * and publishing one of them by slug.
 */
public final class Drafts {
  private final DataSource dataSource;
  private final Clock clock;

  public Drafts(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Every unpublished post, newest first. */
  public List<Draft> list() throws SQLException {
    String sql =
        "SELECT id, slug, title, topic_key, created_at FROM blog_posts"
            + " WHERE published_at IS NULL ORDER BY created_at DESC, slug";
    List<Draft> drafts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        drafts.add(
            new Draft(
                r.getObject("id", UUID.class),
                r.getString("slug"),
                r.getString("title"),
                r.getString("topic_key"),
                r.getObject("created_at", OffsetDateTime.class).toInstant()));
      }
    }
    return drafts;
  }

  /** Publishes the draft {@code slug} now; says so when it was published already or is unknown. */
  public Publication publish(String slug) throws SQLException {
    Instant now = clock.instant();
    String update =
        "UPDATE blog_posts SET published_at = ?, updated_at = ? WHERE slug = ?"
            + " AND published_at IS NULL";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(update)) {
      s.setObject(1, PostStore.utc(now));
      s.setObject(2, PostStore.utc(now));
      s.setString(3, slug);
      if (s.executeUpdate() == 1) {
        return new Publication(Publication.Status.PUBLISHED, now);
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT published_at FROM blog_posts WHERE slug = ?")) {
        q.setString(1, slug);
        try (ResultSet r = q.executeQuery()) {
          return r.next()
              ? new Publication(
                  Publication.Status.ALREADY_PUBLISHED,
                  r.getObject(1, OffsetDateTime.class).toInstant())
              : new Publication(Publication.Status.NOT_FOUND, null);
        }
      }
    }
  }

  /** An unpublished post. */
  public record Draft(UUID id, String slug, String title, String topicKey, Instant createdAt) {}

  /**
   * What {@link #publish} did.
   *
   * @param publishedAt when the post went live (now, or earlier); null when not found
   */
  public record Publication(Status status, Instant publishedAt) {
    public enum Status {
      PUBLISHED,
      ALREADY_PUBLISHED,
      NOT_FOUND
    }
  }
}
