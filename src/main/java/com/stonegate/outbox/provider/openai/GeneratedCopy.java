package com.stonegate.outbox.provider.openai;

/** What the model wrote; any part may be null when it was missing or not a string. */
public record GeneratedCopy(String emailSubject, String emailBody, String smsBody) {}
