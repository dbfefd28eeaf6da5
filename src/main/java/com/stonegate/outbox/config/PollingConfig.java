package com.stonegate.outbox.config;

import java.time.Duration;
import java.util.Optional;

/**
 * What a polling worker runs beside its loop.
 *
 * @param listen {@code OUTBOX_LISTEN}: wake at once when the API inserts events (LISTEN/NOTIFY);
 *     the poll interval stays the fallback. Defaults to 1.
 * @param retention {@code OUTBOX_RETENTION_DAYS}: once a day, delete finished (not dead) events
 *     finished longer ago than this. Unset or 0 keeps them forever (the default, as the original).
 */
public record PollingConfig(boolean listen, Optional<Duration> retention) {
  public PollingConfig {
    if (retention.isPresent() && (retention.get().isNegative() || retention.get().isZero())) {
      throw new IllegalArgumentException("retention must be positive");
    }
  }

  public static PollingConfig from(Env env) {
    int days = env.integer("OUTBOX_RETENTION_DAYS", 0, 0, 36_500);
    return new PollingConfig(
        env.flag("OUTBOX_LISTEN", true),
        days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days)));
  }
}
