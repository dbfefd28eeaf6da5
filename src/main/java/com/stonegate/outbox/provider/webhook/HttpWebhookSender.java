package com.stonegate.outbox.provider.webhook;

import com.stonegate.outbox.config.WebhookConfig;
import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * Webhooks over {@code java.net.http}: a JSON POST with {@code webhook-id}, {@code
 * webhook-timestamp} (seconds, the time of this try) and, when {@code OUTBOX_WEBHOOK_SECRET} is
 * set, {@code webhook-signature}.
 */
public final class HttpWebhookSender implements WebhookSender {
  private final WebhookConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final ProviderCalls calls;

  public HttpWebhookSender(WebhookConfig config, Clock clock, ProviderCalls calls) {
    this.config = config;
    this.http = HttpCalls.client(config.timeout());
    this.clock = clock;
    this.calls = calls;
  }

  @Override
  public void post(URI url, String id, String body) throws ProviderException {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "stonegate-outbox-worker")
            .header("webhook-id", id)
            .header("webhook-timestamp", String.valueOf(timestamp))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    config
        .secret()
        .ifPresent(
            secret ->
                request.header(
                    "webhook-signature", WebhookSignature.sign(secret, id, timestamp, body)));
    HttpCalls.exchange(http, request.build(), calls, "webhook", "event");
  }
}
