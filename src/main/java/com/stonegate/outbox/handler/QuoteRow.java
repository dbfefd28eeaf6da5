package com.stonegate.outbox.handler;

import com.stonegate.outbox.notify.Contact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A quote joined with its contact, as stored. {@code shareToken} may be null. */
record QuoteRow(
    UUID id,
    Contact contact,
    List<String> services,
    BigDecimal total,
    String shareToken,
    Instant expiresAt) {}
