package com.stonegate.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The files of deploy/: each parses, and keeps the promises the README makes about it. */
class DeploymentFilesTest {
  private static final Path UNIT = Path.of("deploy/systemd/stonegate-outbox.service");
  private static final int DEFAULT_GRACE_SECONDS = 30;

  @Test
  void systemd_unit_restarts_runs_hardened_as_its_own_user_and_outwaits_the_grace_period()
      throws Exception {
    String unit = Files.readString(UNIT);

    assertThat(unit)
        .contains("Restart=always")
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict")
        .contains("PrivateTmp=yes")
        .contains("User=stonegate-outbox")
        .contains("EnvironmentFile=/etc/stonegate-outbox/outbox.env")
        .contains("-jar /opt/stonegate-outbox/outbox-worker.jar run");
    assertThat(seconds(unit, "TimeoutStopSec=(\\d+)")).isGreaterThan(DEFAULT_GRACE_SECONDS);
  }

  @Test
  void systemd_analyze_verify_accepts_the_unit(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
    // verify checks that ExecStart's program exists: use this JVM where /usr/bin/java is absent.
    String unit = Files.readString(UNIT);
    if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
      unit =
          unit.replace(
              "/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    Path copy = dir.resolve("stonegate-outbox.service");
    Files.writeString(copy, unit);

    Process verify =
        new ProcessBuilder("systemd-analyze", "verify", copy.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(output).isZero();
    assertThat(output).as("warnings").doesNotContain("stonegate-outbox.service");
  }

  @Test
  void pm2_config_runs_the_jar_without_an_interpreter_and_outwaits_the_grace_period()
      throws Exception {
    String config = Files.readString(Path.of("deploy/pm2/ecosystem.config.js"));

    assertThat(config)
        .contains("name: \"stonegate-outbox\"")
        .contains("interpreter: \"none\"")
        .contains("\"target/outbox-worker.jar\"")
        .contains("autorestart: true");
    assertThat(seconds(config, "kill_timeout: (\\d+)") / 1000).isGreaterThan(DEFAULT_GRACE_SECONDS);
  }

  @Test
  void pm2_config_loads_in_node_when_node_is_installed() throws Exception {
    assumeTrue(onPath("node"), "node is not installed here");
    Process node =
        new ProcessBuilder(
                "node",
                "-e",
                "const a = require(process.argv[1]).apps[0];"
                    + " if (a.script !== 'java' || a.kill_timeout < 31000) process.exit(3)",
                Path.of("deploy/pm2/ecosystem.config.js").toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
  }

  @Test
  void task_scheduler_xml_starts_the_script_at_boot_and_restarts_it_after_a_failure()
      throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document task =
        factory.newDocumentBuilder().parse(new File("deploy/windows/stonegate-outbox.xml"));

    assertThat(task.getElementsByTagName("BootTrigger").getLength()).isOne();
    assertThat(text(task, "Command")).isEqualTo("powershell.exe");
    assertThat(text(task, "Arguments")).contains("run-outbox-worker.ps1");
    assertThat(text(task, "ExecutionTimeLimit")).isEqualTo("PT0S");
    assertThat(task.getElementsByTagName("RestartOnFailure").getLength()).isOne();
    assertThat(Path.of("deploy/windows/run-outbox-worker.ps1")).exists();
    assertThat(Files.readString(Path.of("deploy/windows/run-outbox-worker.ps1")))
        .contains("-jar $jar run")
        .contains("exit $LASTEXITCODE");
  }

  private static long seconds(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String text(Document document, String tag) {
    return document.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
