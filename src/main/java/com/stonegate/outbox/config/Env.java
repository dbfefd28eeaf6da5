package com.stonegate.outbox.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables the worker reads: the process environment over a {@code .env} file (the environment
 * wins). Typed getters never throw: a malformed value is recorded as a problem naming the variable
 * and what it accepts, the default is returned, and {@link #check()} reports every problem at once
 * before anything starts.
 */
public final class Env {
  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  public Env(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The environment over the {@code .env} file in {@code workingDirectory}, when present. */
  public static Env load(Map<String, String> environment, Path workingDirectory) {
    Map<String, String> merged = new HashMap<>(DotEnv.read(workingDirectory.resolve(".env")));
    merged.putAll(environment);
    return new Env(merged);
  }

  /** The value, trimmed; empty when unset or blank. */
  public Optional<String> string(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String name, String defaultValue) {
    return string(name).orElse(defaultValue);
  }

  public int integer(String name, int defaultValue, int min, int max) {
    return (int) number(name, defaultValue, min, max, "an integer");
  }

  public Duration millis(String name, long defaultMillis, long min, long max) {
    return Duration.ofMillis(number(name, defaultMillis, min, max, "milliseconds"));
  }

  /** {@code 1/true/yes/on} or {@code 0/false/no/off}. */
  public boolean flag(String name, boolean defaultValue) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "on":
        return true;
      case "0":
      case "false":
      case "no":
      case "off":
        return false;
      default:
        problem(name, value.get(), "expected 1 or 0 (true/false)");
        return defaultValue;
    }
  }

  /** Records a problem with a variable; reported by {@link #check()}. */
  public void problem(String name, String value, String accepts) {
    problems.add(name + "=" + quote(value) + " is invalid: " + accepts);
  }

  /** Throws when any getter met a malformed value. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private long number(String name, long defaultValue, long min, long max, String what) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the accepted range
    }
    problem(name, value.get(), "expected " + what + " from " + min + " to " + max);
    return defaultValue;
  }

  private static String quote(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + shown + "'";
  }

  /** A minimal {@code .env} reader: KEY=VALUE lines, {@code export} prefix, quotes, comments. */
  static final class DotEnv {
    private DotEnv() {}

    static Map<String, String> read(Path file) {
      if (!Files.isRegularFile(file)) {
        return Map.of();
      }
      try {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    static Map<String, String> parse(List<String> lines) {
      Map<String, String> values = new HashMap<>();
      for (String raw : lines) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("export ")) {
          line = line.substring("export ".length()).strip();
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
      }
      return values;
    }

    private static String unquote(String value) {
      if (value.length() >= 2) {
        char first = value.charAt(0);
        if ((first == '"' || first == '\'') && value.indexOf(first, 1) > 0) {
          String inner = value.substring(1, value.indexOf(first, 1));
          return first == '"' ? inner.replace("\\n", "\n") : inner;
        }
      }
      int comment = value.indexOf(" #");
      return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
  }
}
