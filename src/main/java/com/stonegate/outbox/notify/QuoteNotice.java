package com.stonegate.outbox.notify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a quote notification says.
 *
 * @param quoteId the quote
 * @param contact the customer
 * @param services the quoted services; empty means "Junk removal"
 * @param total the total in US dollars
 * @param shareUrl the customer's link to review the quote
 * @param expiresAt null when it does not expire
 * @param decision null for "quote sent"; {@code accepted} or {@code declined} for a decision
 * @param source who decided: {@code customer} or {@code admin}; null for "quote sent"
 * @param notes the decision's notes; null for none
 */
public record QuoteNotice(
    UUID quoteId,
    Contact contact,
    List<String> services,
    BigDecimal total,
    String shareUrl,
    Instant expiresAt,
    String decision,
    String source,
    String notes) {

  public QuoteNotice {
    services = List.copyOf(services);
  }

  /** The services as a phrase, "Junk removal" when none were named. */
  public String servicesText() {
    return Formats.services(services);
  }

  public boolean accepted() {
    return "accepted".equals(decision);
  }
}
