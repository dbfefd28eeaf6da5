package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Deletes old finished events; the polling worker does the same daily with a retention set. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Delete events finished (processed or skipped) longer ago than --older-than.",
      "Dead events are kept. Works in small batches: the API and workers go on meanwhile."
    })
public final class PruneCommand implements Callable<Integer> {
  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "AGE",
      description = "e.g. 30d or 12h",
      converter = Age.class)
  Duration olderThan;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      Instant cutoff = Instant.now().minus(olderThan);
      long deleted = app.store().prune(cutoff);
      System.out.println("pruned " + deleted + " events finished before " + cutoff);
      return 0;
    }
  }

  /** {@code 30d} or {@code 12h}. */
  static final class Age implements ITypeConverter<Duration> {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dh])");

    @Override
    public Duration convert(String value) {
      Matcher m = AGE.matcher(value.trim());
      if (!m.matches()) {
        throw new TypeConversionException("expected a number of days or hours, e.g. 30d or 12h");
      }
      long n = Long.parseLong(m.group(1));
      return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
  }
}
