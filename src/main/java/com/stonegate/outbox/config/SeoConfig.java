package com.stonegate.outbox.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The SEO autopublisher. Each field names its variable and default.
 *
 * @param disabled {@code SEO_AUTOPUBLISH_DISABLED}: {@code 1} turns it off (every attempt reports
 *     {@code disabled}). Defaults to 0.
 * @param interval {@code SEO_AUTOPUBLISH_INTERVAL_MS}: time between attempts of the polling worker.
 *     Defaults to 6 h; a value of 60000 or less, or one that is not a number, falls back to 6 h
 *     with {@code intervalWarning}, as the original worker did (it is not a start-up error).
 * @param mode {@code SEO_AUTOPUBLISH_MODE}: {@code publish} puts posts live at once; {@code draft}
 *     stores them unpublished for staff review. Defaults to {@code publish}.
 * @param openAiTimeout {@code SEO_OPENAI_TIMEOUT_MS}: one OpenAI call of the autopublisher, retry
 *     included. Defaults to 3 min: a whole post from a reasoning model takes far longer than the
 *     notification copy that {@code OPENAI_TIMEOUT_MS} is sized for.
 * @param intervalWarning why {@code interval} is not the configured value, for the log
 */
public record SeoConfig(
    boolean disabled,
    Duration interval,
    Mode mode,
    Duration openAiTimeout,
    Optional<String> intervalWarning) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);

  /** Intervals at or below this fall back to the default. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** What an attempt does with a post that passed every guard. */
  public enum Mode {
    /** Published at once ({@code published_at} = now). */
    PUBLISH,
    /** Stored with {@code published_at} null, for {@code outbox-worker seo publish SLUG}. */
    DRAFT
  }

  public SeoConfig {
    if (interval.compareTo(MIN_INTERVAL) <= 0 || openAiTimeout.isNegative()) {
      throw new IllegalArgumentException("SEO interval must exceed a minute");
    }
  }

  public static SeoConfig from(Env env) {
    Optional<String> raw = env.string("SEO_AUTOPUBLISH_INTERVAL_MS");
    Optional<Duration> parsed = raw.flatMap(SeoConfig::interval);
    Optional<String> warning =
        raw.filter(value -> parsed.isEmpty())
            .map(
                value ->
                    "SEO_AUTOPUBLISH_INTERVAL_MS='"
                        + value
                        + "' is not a number of milliseconds above 60000; using 21600000 (6 h)");
    return new SeoConfig(
        env.flag("SEO_AUTOPUBLISH_DISABLED", false),
        parsed.orElse(DEFAULT_INTERVAL),
        mode(env),
        env.millis("SEO_OPENAI_TIMEOUT_MS", 180_000, 1_000, 600_000),
        warning);
  }

  public SeoConfig withDisabled(boolean disabled) {
    return new SeoConfig(disabled, interval, mode, openAiTimeout, intervalWarning);
  }

  /** The interval, when the value is a number of milliseconds above the minimum. */
  private static Optional<Duration> interval(String value) {
    try {
      long ms = Long.parseLong(value);
      return ms > MIN_INTERVAL.toMillis() ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Mode mode(Env env) {
    String value = env.string("SEO_AUTOPUBLISH_MODE", "publish");
    switch (value.toLowerCase(Locale.ROOT)) {
      case "publish":
        return Mode.PUBLISH;
      case "draft":
        return Mode.DRAFT;
      default:
        env.problem("SEO_AUTOPUBLISH_MODE", value, "expected publish or draft");
        return Mode.PUBLISH;
    }
  }
}
