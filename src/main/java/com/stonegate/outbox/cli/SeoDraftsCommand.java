package com.stonegate.outbox.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import com.stonegate.outbox.seo.Drafts;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The posts waiting for review. */
@Command(
    name = "drafts",
    mixinStandardHelpOptions = true,
    description = "List unpublished blog posts (drafts for review), newest first.")
public final class SeoDraftsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      app.migrateIfEnabled();
      List<Drafts.Draft> drafts = new Drafts(app.dataSource(), Clock.systemUTC()).list();
      if (json) {
        ArrayNode array = app.json().createArrayNode();
        for (Drafts.Draft d : drafts) {
          array
              .addObject()
              .put("id", d.id().toString())
              .put("slug", d.slug())
              .put("title", d.title())
              .put("topicKey", d.topicKey())
              .put("createdAt", d.createdAt().toString());
        }
        System.out.println(array);
        return 0;
      }
      for (Drafts.Draft d : drafts) {
        System.out.printf("%s  %-40s %s%n", d.createdAt(), d.slug(), d.title());
      }
      System.out.printf("%d drafts%n", drafts.size());
      return 0;
    }
  }
}
