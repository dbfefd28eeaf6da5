package com.stonegate.outbox.notify;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What the handlers did for each event, one entry per delivery, calendar sync or stage change:
 * logged (recipients masked; failures and doubts at WARN, the rest at DEBUG, "unsent" at INFO as
 * the original worker did) and passed to listeners such as {@code outbox-worker demo}.
 */
public final class Journal {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

  /**
   * One thing done (or not) for one event.
   *
   * @param eventId the event
   * @param what {@code sms}, {@code email}, {@code alert_email}, {@code webhook}, {@code ga4},
   *     {@code calendar} or {@code pipeline}
   * @param recipient who or what received it
   * @param status {@code sent}, {@code unsent}, {@code failed}, {@code retry}, {@code uncertain},
   *     {@code already_sent}, {@code already_failed}, {@code updated}, {@code skipped}
   * @param detail the reason, the provider's message id or error; logged
   * @param content what was (or would have been) sent: subject and text; never logged
   */
  public record Entry(
      UUID eventId, String what, String recipient, String status, String detail, String content) {}

  /** Adds a listener told of every later entry. */
  public void listen(Consumer<Entry> listener) {
    listeners.add(listener);
  }

  public void add(Entry entry) {
    Level level =
        switch (entry.status()) {
          case "failed", "retry", "uncertain" -> Level.WARN;
          case "unsent" -> Level.INFO;
          default -> Level.DEBUG;
        };
    if (log.isEnabledForLevel(level)) {
      log.atLevel(level)
          .addKeyValue("delivery", entry.what())
          .addKeyValue("deliveryStatus", entry.status())
          .log(
              "{} {} {}{}",
              entry.what(),
              entry.status(),
              mask(entry.recipient()),
              level == Level.DEBUG || entry.detail() == null ? "" : ": " + entry.detail());
    }
    listeners.forEach(l -> l.accept(entry));
  }

  /** Enough of a phone number or address to recognise it, not enough to read it out. */
  static String mask(String recipient) {
    if (recipient == null || recipient.length() < 6 || recipient.startsWith("http")) {
      return recipient == null ? "" : recipient.replaceAll("\\?.*", "");
    }
    int at = recipient.indexOf('@');
    if (at > 0) {
      return recipient.charAt(0) + "***" + recipient.substring(at);
    }
    return recipient.substring(0, 3) + "***" + recipient.substring(recipient.length() - 2);
  }
}
