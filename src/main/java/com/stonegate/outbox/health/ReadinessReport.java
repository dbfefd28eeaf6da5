package com.stonegate.outbox.health;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answer of {@code /readyz}: every check by name, in a fixed order.
 *
 * @param checks {@code database}, {@code worker}, {@code queue}
 */
public record ReadinessReport(Map<String, Check> checks) {

  /** One check: whether it passed, and what was seen. */
  public record Check(boolean ok, String detail) {}

  public boolean ready() {
    return checks.values().stream().allMatch(Check::ok);
  }

  /** The names of the checks that failed. */
  public List<String> failing() {
    return checks.entrySet().stream()
        .filter(e -> !e.getValue().ok())
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }
}
