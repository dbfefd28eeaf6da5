package com.stonegate.outbox.provider.ga4;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stonegate.outbox.config.Ga4Config;
import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Google Analytics 4 Measurement Protocol: {@code POST {base}/mp/collect?measurement_id=…
 * &api_secret=…} with {@code {"client_id":…,"events":[{"name":…,"params":{…}}]}}.
 */
public final class Ga4MeasurementProtocol implements AnalyticsSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI uri;
  private final HttpClient http = HttpCalls.client(TIMEOUT);
  private final ProviderCalls calls;
  private final ObjectMapper json = new ObjectMapper();

  public Ga4MeasurementProtocol(Ga4Config config, ProviderCalls calls) {
    if (!config.configured()) {
      throw new IllegalArgumentException("GA4 is not configured");
    }
    this.uri =
        URI.create(
            config.apiBaseUrl()
                + "/mp/collect?measurement_id="
                + encode(config.measurementId().orElseThrow())
                + "&api_secret="
                + encode(config.apiSecret().orElseThrow()));
    this.calls = calls;
  }

  @Override
  public void send(String clientId, String name, ObjectNode params) throws ProviderException {
    ObjectNode body = json.createObjectNode().put("client_id", clientId);
    body.putArray("events").addObject().put("name", name).set("params", params);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpCalls.exchange(http, request, calls, "ga4", "event");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
