package com.stonegate.outbox.notify;

import java.util.UUID;

/**
 * Who a notification goes to.
 *
 * @param id the contact's id
 * @param name first and last name, or "Stonegate Customer"
 * @param email null when unknown: no email
 * @param phone {@code phone_e164}, else {@code phone}; null when unknown: no SMS
 */
public record Contact(UUID id, String name, String email, String phone) {
  public static final String DEFAULT_NAME = "Stonegate Customer";

  /** Builds the contact as the spec derives it from the row. */
  public static Contact of(
      UUID id, String first, String last, String email, String phoneE164, String phone) {
    String name = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim()));
    return new Contact(
        id,
        name.isBlank() ? DEFAULT_NAME : name.trim(),
        blankToNull(email),
        blankToNull(phoneE164) != null ? phoneE164.trim() : blankToNull(phone));
  }

  /** The first name, for greetings. */
  public String firstName() {
    return name.split(" ")[0];
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
