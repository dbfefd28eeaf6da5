package com.stonegate.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward (docs/development.md): the engine knows nothing of Twilio or HTTP,
 * providers never see the queue, handlers never see HTTP. Read from the sources' imports.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/com/stonegate/outbox");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?com\\.stonegate\\.outbox\\.([a-z]+)\\.", Pattern.MULTILINE);

  /** What each package may import of ours, besides itself. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("config", Set.of()),
          Map.entry("log", Set.of()),
          Map.entry("db", Set.of("config")),
          Map.entry("queue", Set.of("config")),
          Map.entry("provider", Set.of("config")),
          Map.entry("notify", Set.of("config", "provider")),
          Map.entry("handler", Set.of("config", "notify", "queue")),
          Map.entry("seo", Set.of("config", "provider")),
          Map.entry("health", Set.of("config", "queue")),
          Map.entry("metrics", Set.of("config", "health", "provider", "queue")),
          Map.entry("http", Set.of("config", "health", "metrics", "queue")),
          Map.entry("bench", Set.of("config", "db", "queue")));

  @Test
  void each_package_imports_only_what_lies_inward_of_it() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file).getName(0).toString();
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          continue; // the composition root (Main, Application) and cli/ see everything
        }
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String target = m.group(1);
          if (!target.equals(pkg) && !allowed.contains(target)) {
            violations.add(SOURCES.relativize(file) + " imports " + target);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void every_package_has_a_rule() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      List<String> packages =
          dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
      assertThat(packages).allMatch(p -> ALLOWED.containsKey(p) || p.equals("cli"));
    }
  }
}
