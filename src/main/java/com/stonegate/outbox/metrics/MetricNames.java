package com.stonegate.outbox.metrics;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps tag values few: each distinct value is a time series Prometheus keeps, so a value that is
 * not a short lowercase constant (or not a known event type) is reported as {@code other}.
 */
final class MetricNames {
  static final String OTHER = "other";
  private static final Pattern CONSTANT = Pattern.compile("[a-z0-9_.-]{1,40}");

  private MetricNames() {}

  /** A short constant as it is; anything else is {@code other}. */
  static String constant(String value) {
    return value != null && CONSTANT.matcher(value).matches() ? value : OTHER;
  }

  /** A type the worker has a handler for as it is; any other (the API's, a typo) {@code other}. */
  static String eventType(String type, Set<String> known) {
    return known.contains(type) ? type : OTHER;
  }
}
