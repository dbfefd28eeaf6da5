package com.stonegate.outbox.cli;

import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.seo.Drafts;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Puts a reviewed draft live. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the draft SLUG now (published_at = now).",
      "Exit code 0 when published (or already published), 1 when no post has that slug."
    })
public final class SeoPublishCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SLUG", description = "The draft's slug, as `seo drafts` lists it.")
  String slug;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      Drafts.Publication p = new Drafts(app.dataSource(), Clock.systemUTC()).publish(slug);
      switch (p.status()) {
        case PUBLISHED:
          System.out.println("published " + slug + " at " + p.publishedAt());
          return 0;
        case ALREADY_PUBLISHED:
          System.out.println(slug + " was already published at " + p.publishedAt());
          return 0;
        default:
          System.err.println("outbox-worker: no blog post with slug " + slug);
          return Failures.FAILED;
      }
    }
  }
}
