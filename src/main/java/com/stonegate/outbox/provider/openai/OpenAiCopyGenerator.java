package com.stonegate.outbox.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseTextConfig;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * The Responses API with the strict JSON schema {@code notification_copy}: {@code email_subject},
 * {@code email_body}, {@code sms_body}. At most {@code OPENAI_MAX_CONCURRENCY} calls at once; the
 * others wait their turn. The SDK client is built on first use.
 */
public final class OpenAiCopyGenerator implements CopyGenerator {
  private static final ResponseTextConfig FORMAT =
      ResponseTextConfig.builder()
          .format(
              ResponseFormatTextJsonSchemaConfig.builder()
                  .name("notification_copy")
                  .strict(true)
                  .schema(schema())
                  .build())
          .build();

  private final OpenAiClients.Lazy client;
  private final String model;
  private final Semaphore permits;
  private final ProviderCalls calls;
  private final ObjectMapper json = new ObjectMapper();

  public OpenAiCopyGenerator(OpenAiConfig config, ProviderCalls calls) {
    this.client = new OpenAiClients.Lazy(config);
    this.model = config.model();
    this.permits = new Semaphore(config.maxConcurrency(), true);
    this.calls = calls;
  }

  @Override
  public GeneratedCopy generate(String instructions, String facts) throws ProviderException {
    ResponseCreateParams params =
        ResponseCreateParams.builder()
            .model(model)
            .instructions(instructions)
            .input(facts)
            .text(FORMAT)
            .store(false)
            .build();
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("openai: interrupted", null, e);
    }
    try {
      JsonNode copy = json.readTree(outputText(client.get().responses().create(params)));
      calls.record("openai", "copy", ProviderCalls.Result.OK);
      return new GeneratedCopy(
          text(copy, "email_subject"), text(copy, "email_body"), text(copy, "sms_body"));
    } catch (RuntimeException | java.io.IOException e) {
      // The SDK's exceptions are unchecked; a garbled answer is an IOException from Jackson.
      calls.record("openai", "copy", ProviderCalls.Result.TRANSIENT);
      throw ProviderException.transientFailure("openai: " + e, null, e);
    } finally {
      permits.release();
    }
  }

  private static String outputText(Response response) {
    return response.output().stream()
        .flatMap(item -> item.message().stream())
        .flatMap(message -> message.content().stream())
        .flatMap(content -> content.outputText().stream())
        .map(ResponseOutputText::text)
        .collect(Collectors.joining());
  }

  private static String text(JsonNode copy, String field) {
    JsonNode value = copy.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static ResponseFormatTextJsonSchemaConfig.Schema schema() {
    Map<String, Object> string = Map.of("type", "string");
    return ResponseFormatTextJsonSchemaConfig.Schema.builder()
        .putAdditionalProperty("type", JsonValue.from("object"))
        .putAdditionalProperty(
            "properties",
            JsonValue.from(
                Map.of("email_subject", string, "email_body", string, "sms_body", string)))
        .putAdditionalProperty(
            "required", JsonValue.from(List.of("email_subject", "email_body", "sms_body")))
        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
        .build();
  }
}
