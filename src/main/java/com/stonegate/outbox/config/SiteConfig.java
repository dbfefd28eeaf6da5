package com.stonegate.outbox.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * What notifications say about the business.
 *
 * @param baseUrl {@code NEXT_PUBLIC_SITE_URL}, else {@code SITE_URL}, else {@code
 *     http://localhost:3000}; trailing slash removed. Reschedule and quote links start with it.
 * @param zone {@code APPOINTMENT_TIMEZONE}, else {@code GOOGLE_CALENDAR_TIMEZONE}, else {@code
 *     America/New_York}: how appointment times are shown
 * @param quoteAlertEmails {@code QUOTE_ALERT_EMAIL}: comma-separated addresses that get a short
 *     summary of each quote sent and quote decision. Empty: none.
 */
public record SiteConfig(String baseUrl, ZoneId zone, List<String> quoteAlertEmails) {

  public SiteConfig {
    quoteAlertEmails = List.copyOf(quoteAlertEmails);
  }

  public static SiteConfig from(Env env) {
    String site =
        env.string("NEXT_PUBLIC_SITE_URL")
            .or(() -> env.string("SITE_URL"))
            .orElse("http://localhost:3000")
            .replaceAll("/+$", "");
    String zoneName =
        env.string("APPOINTMENT_TIMEZONE")
            .or(() -> env.string("GOOGLE_CALENDAR_TIMEZONE"))
            .orElse("America/New_York");
    ZoneId zone = ZoneId.of("America/New_York");
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      env.problem(
          env.string("APPOINTMENT_TIMEZONE").isPresent()
              ? "APPOINTMENT_TIMEZONE"
              : "GOOGLE_CALENDAR_TIMEZONE",
          zoneName,
          "expected an IANA time zone such as America/New_York");
    }
    List<String> alerts =
        Arrays.stream(env.string("QUOTE_ALERT_EMAIL", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    return new SiteConfig(site, zone, alerts);
  }
}
