package com.stonegate.outbox.config;

import java.util.List;

/** One or more variables are malformed; each problem is one line naming the variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
  }

  /** One line per malformed variable. */
  public List<String> problems() {
    return List.of(getMessage().split("\n"));
  }
}
