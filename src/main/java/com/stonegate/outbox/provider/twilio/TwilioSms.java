package com.stonegate.outbox.provider.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.TwilioConfig;
import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.Pacer;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json} with form
 * fields {@code To}, {@code From} (or {@code MessagingServiceSid} when {@code TWILIO_FROM} starts
 * with {@code MG}) and {@code Body}, HTTP Basic auth sid:token. Paced to {@code
 * TWILIO_MAX_PER_SECOND}.
 */
public final class TwilioSms implements SmsSender {
  private final TwilioConfig config;
  private final URI messages;
  private final String authorization;
  private final HttpClient http;
  private final Pacer pacer;
  private final ProviderCalls calls;
  private final ObjectMapper json = new ObjectMapper();

  public TwilioSms(TwilioConfig config, ProviderCalls calls) {
    if (!config.configured()) {
      throw new IllegalArgumentException("Twilio is not configured: " + config.missing());
    }
    this.config = config;
    String sid = config.accountSid().orElseThrow();
    this.messages =
        URI.create(config.apiBaseUrl() + "/2010-04-01/Accounts/" + sid + "/Messages.json");
    String credentials = sid + ":" + config.authToken().orElseThrow();
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.http = HttpCalls.client(config.timeout());
    this.pacer = new Pacer(config.maxPerSecond());
    this.calls = calls;
  }

  @Override
  public String send(String to, String body) throws ProviderException {
    String from = config.from().orElseThrow();
    String form =
        field("To", to)
            + "&"
            + field(from.startsWith("MG") ? "MessagingServiceSid" : "From", from)
            + "&"
            + field("Body", body);
    HttpRequest request =
        HttpRequest.newBuilder(messages)
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      pacer.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("twilio: interrupted", null, e);
    }
    HttpResponse<String> response = HttpCalls.exchange(http, request, calls, "twilio", "sms");
    return messageSid(response.body());
  }

  /** The {@code sid} of Twilio's answer; empty when the accepted answer is unreadable. */
  private String messageSid(String body) {
    try {
      return json.readTree(body).path("sid").asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
