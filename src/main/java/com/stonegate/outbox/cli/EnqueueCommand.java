package com.stonegate.outbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.stonegate.outbox.Application;
import com.stonegate.outbox.config.Config;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Inserts an event as the API would. */
@Command(
    name = "enqueue",
    mixinStandardHelpOptions = true,
    description = "Insert an event into outbox_events and print its id.")
public final class EnqueueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TYPE", description = "Event type, e.g. quote.sent.")
  String type;

  @Parameters(index = "1", paramLabel = "JSON", description = "Payload, a JSON object.")
  String payload;

  @Override
  public Integer call() throws Exception {
    try (Application app = Application.open(Config.fromProcess(), System.out)) {
      JsonNode json;
      try {
        json = app.json().readTree(payload);
      } catch (JsonProcessingException e) {
        throw new ParameterException(
            spec.commandLine(), "JSON is not valid JSON: " + e.getOriginalMessage());
      }
      if (json == null || !json.isObject()) {
        throw new ParameterException(spec.commandLine(), "JSON must be a JSON object");
      }
      app.migrateIfEnabled();
      System.out.println(app.store().enqueue(type, json));
      return 0;
    }
  }
}
