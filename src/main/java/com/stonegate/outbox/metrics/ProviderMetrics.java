package com.stonegate.outbox.metrics;

import com.stonegate.outbox.provider.ProviderCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls to the outside world as {@code outbox_provider_calls_total{provider,kind}} and {@code
 * outbox_provider_failures_total{provider,kind,failure}} ({@code failure} is {@code transient} or
 * {@code permanent}).
 */
public final class ProviderMetrics implements ProviderCalls {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  public ProviderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(String provider, String kind, Result result) {
    String p = MetricNames.constant(provider);
    String k = MetricNames.constant(kind);
    counter("outbox.provider.calls", p, k, null).increment();
    if (result != Result.OK) {
      counter("outbox.provider.failures", p, k, result.name().toLowerCase(Locale.ROOT)).increment();
    }
  }

  private Counter counter(String name, String provider, String kind, String failure) {
    return counters.computeIfAbsent(
        name + ' ' + provider + ' ' + kind + ' ' + failure,
        key -> {
          Counter.Builder builder = Counter.builder(name).tags("provider", provider, "kind", kind);
          if (failure != null) {
            builder.tag("failure", failure);
          }
          return builder.register(registry);
        });
  }
}
