package com.stonegate.outbox.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** How notifications write money and times. */
public final class Formats {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
          .withLocale(Locale.US);

  private Formats() {}

  /** Services as a phrase: joined with ", ", "Junk removal" when none were named. */
  public static String services(List<String> services) {
    return services.isEmpty() ? "Junk removal" : String.join(", ", services);
  }

  /** US dollars with two decimals: {@code $1,234.50}; "$0.00" for null. */
  public static String money(BigDecimal amount) {
    NumberFormat dollars = NumberFormat.getCurrencyInstance(Locale.US);
    BigDecimal value = amount == null ? BigDecimal.ZERO : amount;
    return dollars.format(value.setScale(2, RoundingMode.HALF_UP));
  }

  /** Medium date, short time in {@code zone}, e.g. "Dec 6, 2026, 9:00 AM"; "TBD" for null. */
  public static String when(Instant at, ZoneId zone) {
    if (at == null) {
      return "TBD";
    }
    // Newer JDKs put a narrow no-break space before AM/PM; SMS gateways mangle it.
    return WHEN.format(at.atZone(zone)).replace('\u202f', ' ');
  }
}
