package com.stonegate.outbox.notify;

import java.time.ZoneId;

/**
 * The fixed copy: used whenever OpenAI is off, fails, or writes something unusable. A notification
 * is never lost because the copywriter failed.
 */
public final class Templates {
  static final String SIGNATURE = "\n\nThank you,\nStonegate Junk Removal";

  /** The payment terms every quote states. */
  static final String PAYMENT_TERMS =
      "No deposit is required; payment is due after the work is complete.";

  private Templates() {}

  public static Copy appointment(AppointmentNotice n, ZoneId zone) {
    boolean requested = n.kind() == AppointmentNotice.Kind.REQUESTED;
    String headline = requested ? "You're booked!" : "Appointment updated.";
    String when = Formats.when(n.startAt(), zone);
    StringBuilder body = new StringBuilder();
    body.append("Hi ").append(n.contact().firstName()).append(",\n\n").append(headline);
    body.append(requested ? " We received your estimate request." : " Your new time is below.");
    body.append("\n\nWhen: ").append(when);
    if (n.address() != null) {
      body.append("\nWhere: ").append(n.address());
    }
    body.append("\nServices: ").append(n.servicesText());
    String window = n.scheduling().describe();
    if (window != null) {
      body.append("\nPreferred window: ").append(window);
    }
    if (n.notes() != null) {
      body.append("\nNotes: ").append(n.notes());
    }
    body.append("\n\nNeed a different time? Reschedule here: ").append(n.rescheduleUrl());
    body.append(SIGNATURE);
    String sms =
        "Stonegate Junk Removal: "
            + headline
            + " Estimate "
            + when
            + ". Reschedule: "
            + n.rescheduleUrl();
    String subject =
        requested
            ? "You're booked! Your Stonegate estimate: " + when
            : "Appointment updated: your Stonegate estimate is now " + when;
    return new Copy(subject, body.toString(), sms, "template");
  }

  public static Copy quoteSent(QuoteNotice n, ZoneId zone) {
    String total = Formats.money(n.total());
    StringBuilder body = new StringBuilder();
    body.append("Hi ").append(n.contact().firstName()).append(",\n\n");
    body.append("Your quote for ").append(n.servicesText()).append(" is ready.\n\n");
    body.append("Total: ").append(total).append("\n");
    body.append(PAYMENT_TERMS).append("\n\n");
    body.append("Review and accept your quote: ").append(n.shareUrl());
    if (n.expiresAt() != null) {
      body.append("\nThis quote expires ").append(Formats.when(n.expiresAt(), zone)).append('.');
    }
    body.append(SIGNATURE);
    String sms =
        "Stonegate Junk Removal: your quote ("
            + total
            + ") is ready. Review it here: "
            + n.shareUrl();
    return new Copy("Your Stonegate quote is ready", body.toString(), sms, "template");
  }

  public static Copy decision(QuoteNotice n) {
    String greeting = "Hi " + n.contact().firstName() + ",\n\n";
    if (n.accepted()) {
      String body =
          greeting
              + "Thanks for accepting your quote for "
              + n.servicesText()
              + " ("
              + Formats.money(n.total())
              + "). Next, we will reach out to confirm the day and time of your job."
              + " "
              + PAYMENT_TERMS
              + SIGNATURE;
      String sms =
          "Stonegate Junk Removal: thanks for accepting your quote! We'll reach out shortly to"
              + " schedule your job.";
      return new Copy("Thanks for choosing Stonegate", body, sms, "template");
    }
    String body =
        greeting
            + "We've recorded your decision on your quote for "
            + n.servicesText()
            + ". If anything changes, just reply to this email; we're happy to help."
            + SIGNATURE;
    String sms =
        "Stonegate Junk Removal: we've recorded your decision on your quote. Reply anytime if"
            + " we can help.";
    return new Copy("We've recorded your decision", body, sms, "template");
  }

  /** The internal summary for {@code QUOTE_ALERT_EMAIL}: subject and body. */
  public static Copy alert(QuoteNotice n) {
    String what =
        n.decision() == null
            ? "Quote sent"
            : "Quote " + n.decision() + " (" + (n.source() == null ? "customer" : n.source()) + ")";
    String body =
        what
            + "\n\nCustomer: "
            + n.contact().name()
            + "\nEmail: "
            + (n.contact().email() == null ? "-" : n.contact().email())
            + "\nPhone: "
            + (n.contact().phone() == null ? "-" : n.contact().phone())
            + "\nServices: "
            + n.servicesText()
            + "\nTotal: "
            + Formats.money(n.total())
            + (n.notes() == null ? "" : "\nNotes: " + n.notes())
            + "\nQuote: "
            + (n.shareUrl() == null ? n.quoteId() : n.shareUrl());
    return new Copy(
        what + ": " + n.contact().name() + ", " + Formats.money(n.total()), body, null, "template");
  }
}
