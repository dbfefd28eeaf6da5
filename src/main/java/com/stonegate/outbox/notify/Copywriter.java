package com.stonegate.outbox.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.provider.ProviderException;
import com.stonegate.outbox.provider.openai.CopyGenerator;
import com.stonegate.outbox.provider.openai.GeneratedCopy;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a notification's copy: OpenAI's when it is configured and each part is usable (within its
 * limit, the customer's link kept literally, no emojis), the fixed template's otherwise. Never
 * fails: a copywriter error means templates.
 */
public final class Copywriter {
  private static final Logger log = LoggerFactory.getLogger(Copywriter.class);
  static final int SUBJECT_MAX = 120;
  static final int APPOINTMENT_SMS_MAX = 320;
  static final int APPOINTMENT_BODY_MAX = 1000;
  static final int QUOTE_SMS_MAX = 240;
  static final int QUOTE_BODY_MAX = 900;

  private final CopyGenerator generator;
  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param generator null when OpenAI is not configured: templates only
   */
  public Copywriter(CopyGenerator generator, ZoneId zone) {
    this.generator = generator;
    this.zone = zone;
  }

  public Copy appointment(AppointmentNotice n) {
    Copy template = Templates.appointment(n, zone);
    if (generator == null) {
      return template;
    }
    ObjectNode facts = json.createObjectNode();
    facts.put(
        "notification",
        n.kind() == AppointmentNotice.Kind.REQUESTED ? "estimate booked" : "estimate rescheduled");
    facts.put("customer_first_name", n.contact().firstName());
    facts.put("when", Formats.when(n.startAt(), zone));
    facts.put("where", n.address());
    facts.put("services", n.servicesText());
    facts.put("preferred_window", n.scheduling().describe());
    facts.put("customer_notes", n.notes());
    facts.put("reschedule_link", n.rescheduleUrl());
    return write(template, facts, APPOINTMENT_SMS_MAX, APPOINTMENT_BODY_MAX, n.rescheduleUrl());
  }

  public Copy quote(QuoteNotice n) {
    Copy template = n.decision() == null ? Templates.quoteSent(n, zone) : Templates.decision(n);
    if (generator == null) {
      return template;
    }
    ObjectNode facts = json.createObjectNode();
    facts.put("notification", n.decision() == null ? "quote ready" : "quote " + n.decision());
    facts.put("customer_first_name", n.contact().firstName());
    facts.put("services", n.servicesText());
    facts.put("total", Formats.money(n.total()));
    facts.put("payment", Templates.PAYMENT_TERMS);
    facts.put("expires", n.expiresAt() == null ? null : Formats.when(n.expiresAt(), zone));
    facts.put("customer_notes", n.notes());
    String link = n.decision() == null ? n.shareUrl() : null;
    facts.put("share_link", link);
    return write(template, facts, QUOTE_SMS_MAX, QUOTE_BODY_MAX, link);
  }

  /** Called only with a generator: without one the callers return the template first. */
  private Copy write(Copy template, ObjectNode facts, int smsMax, int bodyMax, String link) {
    GeneratedCopy g;
    try {
      g = generator.generate(instructions(smsMax, bodyMax, link != null), facts.toString());
    } catch (ProviderException e) {
      log.warn("copywriter unavailable, using the template: {}", e.getMessage());
      return template;
    }
    String subject = usable(g.emailSubject(), SUBJECT_MAX, null) ? g.emailSubject() : null;
    String body = usable(g.emailBody(), bodyMax, link) ? g.emailBody() : null;
    String sms = usable(g.smsBody(), smsMax, link) ? g.smsBody() : null;
    int generated = (subject != null ? 1 : 0) + (body != null ? 1 : 0) + (sms != null ? 1 : 0);
    if (generated < 3) {
      log.info(
          "copywriter: {} of 3 generated parts unusable, template used for them", 3 - generated);
    }
    return new Copy(
        subject != null ? subject.strip() : template.emailSubject(),
        body != null ? body.strip() : template.emailBody(),
        sms != null ? sms.strip() : template.smsBody(),
        generated == 3 ? "openai" : generated == 0 ? "template" : "openai+template");
  }

  /** Not blank, within the limit, with the link kept literally, without emojis or symbols. */
  static boolean usable(String text, int max, String link) {
    if (text == null || text.isBlank() || text.strip().length() > max) {
      return false;
    }
    if (link != null && !text.contains(link)) {
      return false;
    }
    return text.codePoints()
        .noneMatch(
            c ->
                Character.getType(c) == Character.OTHER_SYMBOL
                    || Character.isISOControl(c) && c != '\n');
  }

  static String instructions(int smsMax, int bodyMax, boolean hasLink) {
    return "You write customer notifications for Stonegate Junk Removal, a local junk removal"
        + " business. The user message is JSON with the facts; use only those facts, never invent"
        + " prices, dates or promises. Be friendly and brief, use no emojis, and mention"
        + " \"Stonegate Junk Removal\" exactly once in each of email_body and sms_body."
        + (hasLink
            ? " Copy the link from the facts exactly, character for character, into both email_body and sms_body."
            : "")
        + " email_subject: at most "
        + SUBJECT_MAX
        + " characters. email_body: plain text, at most "
        + bodyMax
        + " characters. sms_body: at most "
        + smsMax
        + " characters.";
  }
}
