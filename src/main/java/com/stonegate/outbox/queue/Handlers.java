package com.stonegate.outbox.queue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The handler of each event type, built once at start-up. */
public final class Handlers {
  private final Map<String, EventHandler> byType;

  private Handlers(Map<String, EventHandler> byType) {
    this.byType = Map.copyOf(byType);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The handler for {@code type}, or null when the type is unknown. */
  public EventHandler forType(String type) {
    return byType.get(type);
  }

  public Set<String> types() {
    return byType.keySet();
  }

  /** Collects handlers; a type registered twice is a programming error found at start-up. */
  public static final class Builder {
    private final Map<String, EventHandler> byType = new HashMap<>();

    public Builder add(String type, EventHandler handler) {
      if (byType.putIfAbsent(type, handler) != null) {
        throw new IllegalStateException("two handlers for event type " + type);
      }
      return this;
    }

    public Handlers build() {
      return new Handlers(byType);
    }
  }
}
