package com.stonegate.outbox.seo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed list of topics, in rotation order, read from the resource {@code seo/topics.json}. The
 * cursor in {@code seo_agent_state} ({@code blog_topic_cursor}, {@code {"idx": n}}) says where the
 * next pick starts.
 */
public final class Topics {
  static final String RESOURCE = "/seo/topics.json";

  private final List<Topic> topics;

  public Topics(List<Topic> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("no SEO topics");
    }
    Set<String> keys = new HashSet<>();
    for (Topic topic : topics) {
      if (!keys.add(topic.key())) {
        throw new IllegalArgumentException("duplicate SEO topic " + topic.key());
      }
    }
    this.topics = List.copyOf(topics);
  }

  /** The list shipped in the jar. */
  public static Topics builtIn() {
    try (InputStream in = Topics.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new Topics(new ObjectMapper().readValue(in, new TypeReference<List<Topic>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public List<Topic> all() {
    return topics;
  }

  /**
   * The first topic from {@code cursor} on (wrapping round) whose key is not in {@code recent};
   * when every topic is recent, the one at the cursor. The next cursor points past the pick.
   */
  public Pick next(int cursor, Set<String> recent) {
    int start = Math.floorMod(cursor, topics.size());
    int chosen = start;
    for (int offset = 0; offset < topics.size(); offset++) {
      int index = (start + offset) % topics.size();
      if (!recent.contains(topics.get(index).key())) {
        chosen = index;
        break;
      }
    }
    return new Pick(topics.get(chosen), (chosen + 1) % topics.size());
  }

  /** The topic to write about, and the cursor to store once its post is saved. */
  public record Pick(Topic topic, int nextCursor) {}
}
