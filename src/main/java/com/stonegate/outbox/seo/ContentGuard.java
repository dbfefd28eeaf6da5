package com.stonegate.outbox.seo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What no published text may contain: a dollar amount ({@code $12}, {@code $ 12}, {@code
 * $1,200.50}), or a county outside Cobb, Cherokee, Fulton and Bartow. Counties are matched as whole
 * words, case-insensitively, when followed by "County", "Counties" or "Co." ("Hall County" is
 * rejected; "hallway" and "hall closet" are not); the few names in {@code seo/georgia-counties.txt}
 * marked {@code *} are rejected on their own ("near Gwinnett").
 */
final class ContentGuard {
  static final String RESOURCE = "/seo/georgia-counties.txt";
  private static final Pattern DOLLARS = Pattern.compile("\\$\\s*\\d[\\d,]*(\\.\\d+)?");

  private final Pattern counties;

  private ContentGuard(Pattern counties) {
    this.counties = counties;
  }

  /** The guard for Georgia's counties listed in the jar. */
  static ContentGuard builtIn() {
    List<String> withCountyWord = new ArrayList<>();
    List<String> alone = new ArrayList<>();
    for (String line : lines()) {
      String name = line.replace("*", "").strip();
      withCountyWord.add(name);
      if (line.endsWith("*")) {
        alone.add(name);
      }
    }
    String pattern =
        "\\b(?:"
            + alternatives(withCountyWord)
            + ")\\s+(?:count(?:y|ies)\\b|co\\.)|\\b(?:"
            + alternatives(alone)
            + ")\\b";
    return new ContentGuard(
        Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** Why {@code text} may not be published; empty when it may. */
  List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    Matcher dollars = DOLLARS.matcher(text);
    if (dollars.find()) {
      problems.add("contains a dollar amount ('" + dollars.group() + "')");
    }
    Matcher county = counties.matcher(text);
    if (county.find()) {
      problems.add(
          "names a county outside Cobb, Cherokee, Fulton and Bartow ('" + county.group() + "')");
    }
    return problems;
  }

  private static String alternatives(List<String> names) {
    return names.stream()
        .map(name -> Pattern.quote(name).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
  }

  private static List<String> lines() {
    try (InputStream in = ContentGuard.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
