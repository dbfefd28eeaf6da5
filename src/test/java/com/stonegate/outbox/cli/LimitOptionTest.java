package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A bad {@code --limit} is a usage error (exit 2) naming the option, before any database work. */
class LimitOptionTest {
  @Test
  void dead_and_deliveries_refuse_a_limit_out_of_range() {
    for (String limit : new String[] {"-1", "0", "abc", "100001"}) {
      for (Object command : new Object[] {new DeadCommand(), new DeliveriesCommand()}) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setErr(new PrintWriter(err)).execute("--limit", limit);

        assertThat(exit).as(limit).isEqualTo(2);
        assertThat(err.toString())
            .contains("Invalid value for option '--limit'")
            .contains("expected a whole number from 1 to 100000");
      }
    }
  }
}
