package com.stonegate.outbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4: every line must be a comment, a HELP or TYPE
 * line, or a sample; anything else fails the test. Samples are keyed {@code name{label="value",…}}
 * with labels sorted.
 */
final class Exposition {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)(?: -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
  private static final Pattern META = Pattern.compile("# (HELP|TYPE) (" + NAME + ")( .*)?");

  private Exposition() {}

  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()
          || (line.startsWith("#") && !line.startsWith("# HELP") && !line.startsWith("# TYPE"))) {
        continue;
      }
      if (line.startsWith("#")) {
        if (!META.matcher(line).matches()) {
          throw new AssertionError("bad metadata line: " + line);
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("bad sample line: " + line);
      }
      samples.put(
          key(m.group(1), m.group(2)), Double.parseDouble(m.group(3).replace("Inf", "Infinity")));
    }
    return samples;
  }

  private static String key(String name, String labels) {
    if (labels == null || labels.isEmpty()) {
      return name;
    }
    Map<String, String> sorted = new TreeMap<>();
    Matcher m = LABEL.matcher(labels);
    int end = 0;
    while (m.find() && m.start() == end) {
      sorted.put(m.group(1), m.group(2));
      end = m.end();
    }
    if (end != labels.length()) {
      throw new AssertionError("bad labels: " + labels);
    }
    StringBuilder key = new StringBuilder(name).append('{');
    sorted.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
    key.setLength(key.length() - 1);
    return key.append('}').toString();
  }
}
