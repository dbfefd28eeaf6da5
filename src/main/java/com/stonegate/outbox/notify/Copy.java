package com.stonegate.outbox.notify;

/**
 * The words of one notification.
 *
 * @param emailSubject the email's subject
 * @param emailBody the email's plain-text body
 * @param smsBody the text message
 * @param source {@code template}, {@code openai}, or {@code openai+template} when some generated
 *     parts were over their limits and replaced
 */
public record Copy(String emailSubject, String emailBody, String smsBody, String source) {}
