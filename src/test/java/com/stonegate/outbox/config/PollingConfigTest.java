package com.stonegate.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollingConfigTest {
  @Test
  void by_default_the_worker_listens_and_keeps_every_event() {
    PollingConfig polling = Config.from(Map.of()).polling();

    assertThat(polling.listen()).isTrue();
    assertThat(polling.retention()).isEmpty();
  }

  @Test
  void retention_is_read_in_days_and_zero_keeps_everything() {
    assertThat(Config.from(Map.of("OUTBOX_RETENTION_DAYS", "30")).polling().retention())
        .contains(Duration.ofDays(30));
    assertThat(Config.from(Map.of("OUTBOX_RETENTION_DAYS", "0")).polling().retention()).isEmpty();
    assertThat(Config.from(Map.of("OUTBOX_LISTEN", "0")).polling().listen()).isFalse();
  }

  @Test
  void bad_retention_names_the_variable() {
    assertThatThrownBy(() -> Config.from(Map.of("OUTBOX_RETENTION_DAYS", "30d")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("OUTBOX_RETENTION_DAYS='30d' is invalid: expected an integer from 0 to 36500");
  }
}
