package com.stonegate.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Out-of-range options are a usage error (exit 2) naming the option, before any database work. */
class BenchOptionsTest {
  @Test
  void out_of_range_options_are_refused_with_the_accepted_range() {
    String[][] cases = {
      {"--events", "-5", "expected 1,000 to 10,000,000, not -5"},
      {"--events", "0", "expected 1,000 to 10,000,000, not 0"},
      {"--rounds", "0", "expected 1 to 20, not 0"},
      {"--history", "-1", "expected 0 to 50,000,000, not -1"},
    };
    for (String[] c : cases) {
      StringWriter err = new StringWriter();
      int exit =
          new CommandLine(new BenchCommand()).setErr(new PrintWriter(err)).execute(c[0], c[1]);

      assertThat(exit).as(c[0] + " " + c[1]).isEqualTo(2);
      assertThat(err.toString()).contains("Invalid value for option '" + c[0] + "': " + c[2]);
    }
  }
}
