package com.stonegate.outbox.notify;

/** What kind of thing a delivery sends; the {@code channel} column of {@code outbox_deliveries}. */
public enum Channel {
  /** A text message to the customer. */
  SMS("sms"),
  /** An email to the customer (with the calendar invite for appointments). */
  EMAIL("email"),
  /** The internal summary to each {@code QUOTE_ALERT_EMAIL} address. */
  ALERT_EMAIL("alert_email"),
  /** A finished event posted to an operator's endpoint. */
  WEBHOOK("webhook"),
  /** A conversion sent to Google Analytics 4. */
  GA4("ga4");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
