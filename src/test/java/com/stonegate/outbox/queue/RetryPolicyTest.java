package com.stonegate.outbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofHours(1));
  private final Instant now = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void delay_doubles_per_attempt_within_the_jitter_window() {
    for (int attempt = 1; attempt <= 6; attempt++) {
      long full = 5_000L << (attempt - 1);
      assertThat(policy.delay(attempt, 0.0).toMillis()).isEqualTo(full / 2);
      assertThat(policy.delay(attempt, 0.999).toMillis()).isBetween(full / 2, full - 1);
    }
  }

  @Test
  void delay_never_exceeds_the_maximum() {
    assertThat(policy.delay(30, 0.999)).isLessThanOrEqualTo(Duration.ofHours(1));
    assertThat(policy.delay(1000, 0.5)).isLessThanOrEqualTo(Duration.ofHours(1));
    assertThat(policy.delay(1000, 0.0)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void next_attempt_is_after_now_until_the_attempts_are_used_up() {
    assertThat(policy.next(1, now, 0.5)).hasValueSatisfying(t -> assertThat(t).isAfter(now));
    assertThat(policy.next(7, now, 0.5)).isPresent();
    assertThat(policy.next(8, now, 0.5)).isEmpty();
  }

  @Test
  void one_attempt_policy_never_retries() {
    RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(once.next(1, now, 0.5)).isEmpty();
  }
}
