package com.stonegate.outbox.handler;

import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback stand-ins for Twilio, Google (token and Calendar) and the webhook/GA4 receivers, and the
 * variables that point the worker at them and at a GreenMail SMTP port.
 */
final class StandIns implements AutoCloseable {
  static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  final HttpStandIn twilio = HttpStandIn.start(new Reply(201, "{\"sid\":\"SM0001\"}"));
  final HttpStandIn google = HttpStandIn.start(StandIns::google);
  final HttpStandIn hooks = HttpStandIn.start(new Reply(204, ""));

  /** Every provider configured, pointed here; SMTP at {@code smtpPort} on 127.0.0.1. */
  Map<String, String> variables(int smtpPort) {
    Map<String, String> v = new HashMap<>();
    v.put("TWILIO_ACCOUNT_SID", "AC0123");
    v.put("TWILIO_AUTH_TOKEN", "twilio-token");
    v.put("TWILIO_FROM", "+14045550000");
    v.put("TWILIO_API_BASE_URL", twilio.baseUrl());
    v.put("TWILIO_MAX_PER_SECOND", "100");
    v.put("SMTP_HOST", "127.0.0.1");
    v.put("SMTP_PORT", String.valueOf(smtpPort));
    v.put("SMTP_FROM", "Stonegate Junk Removal <hello@stonegate.example>");
    v.put("SMTP_MAX_PER_SECOND", "100");
    v.put("SMTP_TIMEOUT_MS", "2000");
    v.put("GOOGLE_CLIENT_ID", "client-1");
    v.put("GOOGLE_CLIENT_SECRET", "client-secret");
    v.put("GOOGLE_REFRESH_TOKEN", "refresh-1");
    v.put("GOOGLE_CALENDAR_ID", "primary");
    v.put("GOOGLE_OAUTH_TOKEN_URL", google.baseUrl() + "/token");
    v.put("GOOGLE_CALENDAR_API_BASE_URL", google.baseUrl() + "/calendar/v3");
    v.put("QUOTE_ALERT_EMAIL", "ops@stonegate.example");
    v.put("GA4_MEASUREMENT_ID", "G-TEST123");
    v.put("GA4_API_SECRET", "ga4-secret");
    v.put("GA4_API_BASE_URL", hooks.baseUrl());
    v.put(
        "OUTBOX_WEBHOOK_URLS",
        "pipeline.*=" + hooks.baseUrl() + "/pipeline," + hooks.baseUrl() + "/all");
    v.put("OUTBOX_WEBHOOK_SECRET", WEBHOOK_SECRET);
    return v;
  }

  private static Reply google(HttpStandIn.Request request) {
    if (request.path().equals("/token")) {
      return new Reply(200, "{\"access_token\":\"ya29.test\",\"expires_in\":3600}");
    }
    Matcher id = ID.matcher(request.body());
    String eventId =
        request.method().equals("PUT")
            ? request.path().substring(request.path().lastIndexOf('/') + 1)
            : id.find() ? id.group(1) : "generated";
    return new Reply(200, "{\"id\":\"" + eventId + "\",\"status\":\"confirmed\"}");
  }

  @Override
  public void close() {
    twilio.close();
    google.close();
    hooks.close();
  }
}
