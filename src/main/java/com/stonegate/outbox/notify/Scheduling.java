package com.stonegate.outbox.notify;

/**
 * The customer's stated preferences ({@code scheduling} of the form or payload); any may be null.
 */
public record Scheduling(String preferredDate, String alternateDate, String timeWindow) {
  public static final Scheduling NONE = new Scheduling(null, null, null);

  /** Each of {@code override}'s values where set, else this one's. */
  public Scheduling overriddenBy(Scheduling override) {
    return new Scheduling(
        override.preferredDate != null ? override.preferredDate : preferredDate,
        override.alternateDate != null ? override.alternateDate : alternateDate,
        override.timeWindow != null ? override.timeWindow : timeWindow);
  }

  /** "Sat Dec 6 (or Mon Dec 8), morning" style, or null when nothing was stated. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (preferredDate != null) {
      s.append(preferredDate);
    }
    if (alternateDate != null) {
      s.append(s.length() > 0 ? " (or " + alternateDate + ")" : alternateDate);
    }
    if (timeWindow != null) {
      s.append(s.length() > 0 ? ", " : "").append(timeWindow);
    }
    return s.length() == 0 ? null : s.toString();
  }
}
