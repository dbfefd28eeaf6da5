package com.stonegate.outbox.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's one metrics registry, exposed in Prometheus's text format. The engine and provider
 * meters are registered by every command (they cost nothing unused); JVM and connection-pool meters
 * only by the commands that serve {@code /metrics}.
 */
public final class OutboxMetrics implements AutoCloseable {
  /** What a scrape returns: its content type and body. */
  public record Scrape(String contentType, String body) {}

  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ProviderMetrics providers = new ProviderMetrics(registry);
  private final SeoMetrics seo = new SeoMetrics(registry);
  private JvmGcMetrics gc;

  public MeterRegistry registry() {
    return registry;
  }

  /** What provider clients report their calls to. */
  public ProviderMetrics providers() {
    return providers;
  }

  /** What SEO attempts are counted by. */
  public SeoMetrics seo() {
    return seo;
  }

  /** Adds JVM (memory, GC, threads, classes), process (CPU, files, uptime) meters. */
  public synchronized void bindJvm() {
    if (gc != null) {
      return;
    }
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Adds HikariCP's {@code hikaricp_connections_*} meters for {@code pool} (once per pool). */
  public void bindPool(HikariDataSource pool) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  /**
   * The exposition: OpenMetrics when the scraper asks for it ({@code Accept}), otherwise the
   * Prometheus text format 0.0.4.
   */
  public Scrape scrape(String accept) {
    if (accept != null && accept.contains("application/openmetrics-text")) {
      return new Scrape(OPEN_METRICS + "; charset=utf-8", registry.scrape(OPEN_METRICS));
    }
    return new Scrape(TEXT, registry.scrape());
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
