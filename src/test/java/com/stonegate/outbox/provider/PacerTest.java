package com.stonegate.outbox.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
  @Test
  void a_burst_is_spaced_to_the_rate_instead_of_refused() throws Exception {
    Pacer pacer = new Pacer(20); // one start every 50 ms
    long started = System.nanoTime();

    for (int i = 0; i < 5; i++) {
      pacer.acquire();
    }

    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(tookMs).isBetween(190L, 1_000L); // four waits of 50 ms after the first
  }
}
