package com.stonegate.outbox.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The SEO autopublisher's commands; alone, it shows their usage. */
@Command(
    name = "seo",
    mixinStandardHelpOptions = true,
    description = "The SEO autopublisher: run an attempt, list drafts, publish a draft.",
    subcommands = {SeoRunCommand.class, SeoDraftsCommand.class, SeoPublishCommand.class})
public final class SeoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return Failures.BAD_CONFIG;
  }
}
