package com.stonegate.outbox.handler;

import com.stonegate.outbox.config.SiteConfig;
import com.stonegate.outbox.notify.DeliveryReport;
import com.stonegate.outbox.queue.RetryLater;
import java.time.Clock;
import java.util.UUID;

/**
 * What every handler needs of its surroundings: the site's links and the clock.
 *
 * @param site the base URL, time zone and alert addresses
 * @param clock the worker's clock (a provider's {@code Retry-After} counts from it)
 */
record Context(SiteConfig site, Clock clock) {

  /** {@code {site}/schedule?appointmentId={id}&token={token}}. */
  String rescheduleUrl(UUID appointmentId, String token) {
    return site.baseUrl() + "/schedule?appointmentId=" + appointmentId + "&token=" + token;
  }

  /** {@code {site}/quote/{shareToken}}. */
  String quoteUrl(String shareToken) {
    return site.baseUrl() + "/quote/" + shareToken;
  }

  /**
   * Returns when every delivery of the attempt went out or was settled; otherwise throws so the
   * engine retries the event: {@link RetryLater} when a provider gave a {@code Retry-After}, else
   * {@link DeliveriesPending} for the retry policy's backoff. What did go out is in the ledger
   * already, so the retry sends only the rest.
   */
  void finish(DeliveryReport report) {
    if (!report.needsRetry()) {
      return;
    }
    String why = "deliveries to retry: " + report.describe();
    if (report.retryAfter().isPresent()) {
      throw new RetryLater(why, clock.instant().plus(report.retryAfter().get()));
    }
    throw new DeliveriesPending(why);
  }

  /** Some deliveries failed transiently; the engine retries the event by its policy. */
  static final class DeliveriesPending extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliveriesPending(String message) {
      super(message);
    }
  }
}
