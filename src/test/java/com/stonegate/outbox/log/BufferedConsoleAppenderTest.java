package com.stonegate.outbox.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BufferedConsoleAppenderTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
  private final LoggerContext context = new LoggerContext();
  private final BufferedConsoleAppender appender = new BufferedConsoleAppender();
  private final Logger log = context.getLogger("test");

  BufferedConsoleAppenderTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %msg%n");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setConsole(out);
    appender.start();
    log.addAppender(appender);
    log.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private String written() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_warning_is_written_at_once_with_every_line_before_it() {
    log.info("event 1 processed");
    log.warn("event 2 failed");

    assertThat(written()).isEqualTo("INFO event 1 processed\nWARN event 2 failed\n");
  }

  @Test
  void info_lines_are_written_within_the_flush_interval_without_another_line() {
    log.info("event 1 processed");

    await()
        .atMost(Duration.ofMillis(BufferedConsoleAppender.FLUSH_MS * 5L))
        .until(() -> written().equals("INFO event 1 processed\n"));
  }

  @Test
  void an_explicit_flush_writes_out_the_buffer() {
    for (int i = 0; i < 100; i++) {
      log.info("event {} processed", i);
    }
    appender.flush();

    assertThat(written().lines()).hasSize(100).endsWith("INFO event 99 processed");
  }

  @Test
  void stopping_writes_out_the_buffer_and_leaves_the_console_open() {
    log.info("last line");
    context.stop();

    assertThat(written()).isEqualTo("INFO last line\n");
    out.print("x");
    assertThat(out.checkError()).as("the console is still open").isFalse();
  }
}
