package com.stonegate.outbox.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** SEO autopublisher attempts as {@code outbox_seo_attempts_total{result}}. */
public final class SeoMetrics {
  private final MeterRegistry registry;

  public SeoMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param result {@code published}, or the skip reason ({@code quota_met}, {@code locked}, …)
   */
  public void attempted(String result) {
    Counter.builder("outbox.seo.attempts")
        .description("SEO autopublisher attempts by result")
        .tag("result", MetricNames.constant(result))
        .register(registry)
        .increment();
  }
}
