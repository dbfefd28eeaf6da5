package com.stonegate.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkersTest {
  @Test
  void bench_workers_get_the_same_jvm_options_as_bin_outbox_worker_and_the_deployments()
      throws Exception {
    assertThat(Files.readString(Path.of("bin", "outbox-worker")))
        .contains("${JAVA_OPTS:-" + Workers.DEFAULT_JAVA_OPTS + "}");
    assertThat(Files.readString(Path.of("deploy", "systemd", "stonegate-outbox.service")))
        .contains("\"JAVA_OPTS=" + Workers.DEFAULT_JAVA_OPTS + "\"");
    for (String option : Workers.DEFAULT_JAVA_OPTS.split(" ")) {
      assertThat(Files.readString(Path.of("deploy", "pm2", "ecosystem.config.js")))
          .contains("\"" + option + "\"");
      assertThat(Files.readString(Path.of("deploy", "windows", "run-outbox-worker.ps1")))
          .contains(option);
    }
  }
}
