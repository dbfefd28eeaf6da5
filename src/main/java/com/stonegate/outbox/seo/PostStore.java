package com.stonegate.outbox.seo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The autopublisher's SQL on {@code blog_posts}, run on the connection holding the advisory lock. A
 * post's time is its {@code published_at}; when drafts count (review mode), an unpublished post's
 * time is its {@code created_at}.
 */
final class PostStore {
  private static final int SLUG_TRIES = 5;

  private final String postTime;

  /**
   * @param draftsCount whether unpublished posts count for quota, spacing and rotation
   */
  PostStore(boolean draftsCount) {
    this.postTime = draftsCount ? "COALESCE(published_at, created_at)" : "published_at";
  }

  /** Posts whose time is at or after {@code since}. */
  int countSince(Connection c, Instant since) throws SQLException {
    String sql = "SELECT count(*) FROM blog_posts WHERE " + postTime + " >= ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, utc(since));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  /** The time of the latest post not after {@code now}. */
  Optional<Instant> latest(Connection c, Instant now) throws SQLException {
    String sql = "SELECT max(" + postTime + ") FROM blog_posts WHERE " + postTime + " <= ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, utc(now));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return Optional.ofNullable(r.getObject(1, OffsetDateTime.class))
            .map(OffsetDateTime::toInstant);
      }
    }
  }

  /** Topic keys of posts whose time is at or after {@code since}. */
  Set<String> topicsSince(Connection c, Instant since) throws SQLException {
    String sql =
        "SELECT DISTINCT topic_key FROM blog_posts WHERE topic_key IS NOT NULL AND "
            + postTime
            + " >= ?";
    Set<String> keys = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, utc(since));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          keys.add(r.getString(1).strip());
        }
      }
    }
    return keys;
  }

  /**
   * Inserts {@code post} under the first free slug of {@code key}, {@code key-2}, {@code key-3}, …
   * A slug taken meanwhile (the API inserting at the same moment) moves on to the next.
   */
  SavedPost insert(Connection c, NewPost post) throws SQLException {
    Set<String> taken = slugsOf(c, post.topicKey());
    for (int i = 0; i < SLUG_TRIES; i++) {
      String slug = firstFree(post.topicKey(), taken);
      Optional<UUID> id = insertAs(c, slug, post);
      if (id.isPresent()) {
        return new SavedPost(id.get(), slug, post.title());
      }
      taken.add(slug);
    }
    throw new SQLException("no free slug for " + post.topicKey() + " after " + SLUG_TRIES);
  }

  static String firstFree(String key, Set<String> taken) {
    String slug = key;
    for (int n = 2; taken.contains(slug); n++) {
      slug = key + "-" + n;
    }
    return slug;
  }

  private static Set<String> slugsOf(Connection c, String key) throws SQLException {
    Set<String> slugs = new HashSet<>();
    String sql = "SELECT slug FROM blog_posts WHERE slug = ? OR starts_with(slug, ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setString(2, key + "-");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          slugs.add(r.getString(1));
        }
      }
    }
    return slugs;
  }

  private static Optional<UUID> insertAs(Connection c, String slug, NewPost p) throws SQLException {
    String sql =
        "INSERT INTO blog_posts (slug, title, excerpt, content_markdown, meta_title,"
            + " meta_description, topic_key, published_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (slug) DO NOTHING RETURNING id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, slug);
      s.setString(2, p.title());
      s.setString(3, p.excerpt());
      s.setString(4, p.markdown());
      s.setString(5, p.metaTitle());
      s.setString(6, p.metaDescription());
      s.setString(7, p.topicKey());
      if (p.publishedAt() == null) {
        s.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        s.setObject(8, utc(p.publishedAt()));
      }
      s.setObject(9, utc(p.createdAt()));
      s.setObject(10, utc(p.createdAt()));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
      }
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A post as inserted. */
  record SavedPost(UUID id, String slug, String title) {}
}
