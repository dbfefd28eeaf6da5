package com.stonegate.outbox.seo;

import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseOutputMessage;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseTextConfig;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ProviderCalls.Result;
import com.stonegate.outbox.provider.openai.OpenAiClients;
import java.util.List;
import java.util.Map;

/**
 * Asks OpenAI (Responses API, model {@code OPENAI_MODEL}) for a brief under the strict JSON schema
 * {@code blog_brief}, and for a post as Markdown. Every failure, whether HTTP, timeout, refusal or
 * truncated output, is a {@link WriterFailure} whose message says what happened. The SDK client is
 * built on first use, so commands that never write pay nothing for it.
 */
final class BlogWriter implements AutoCloseable {
  private static final long BRIEF_TOKENS = 4_000;
  private static final long POST_TOKENS = 16_000;
  private static final ResponseTextConfig BRIEF_FORMAT =
      ResponseTextConfig.builder().format(briefSchema()).build();

  private final OpenAiConfig config;
  private final ProviderCalls calls;
  private final OpenAiClients.Lazy client;

  BlogWriter(OpenAiConfig config, ProviderCalls calls) {
    this.config = config;
    this.calls = calls;
    this.client = new OpenAiClients.Lazy(config);
  }

  /** The brief's JSON text, unvalidated. */
  String brief(Topic topic) throws WriterFailure {
    return call(
        "seo_brief",
        params(Prompts.BRIEF_INSTRUCTIONS, Prompts.briefInput(topic), BRIEF_TOKENS)
            .text(BRIEF_FORMAT)
            .build());
  }

  /** The post's Markdown, unchecked. */
  String post(Topic topic, BlogBrief brief, List<String> rejected) throws WriterFailure {
    String input = Prompts.postInput(topic, brief, rejected);
    return call("seo_post", params(Prompts.POST_INSTRUCTIONS, input, POST_TOKENS).build());
  }

  @Override
  public void close() {
    client.close();
  }

  private ResponseCreateParams.Builder params(String instructions, String input, long tokens) {
    return ResponseCreateParams.builder()
        .model(config.model())
        .instructions(instructions)
        .input(input)
        .maxOutputTokens(tokens)
        .store(false);
  }

  private String call(String kind, ResponseCreateParams params) throws WriterFailure {
    if (Thread.currentThread().isInterrupted()) {
      throw new WriterFailure("not asked: the worker is stopping");
    }
    Response response;
    try {
      response = client.get().responses().create(params);
    } catch (OpenAIException e) {
      calls.record("openai", kind, worthRetrying(e) ? Result.TRANSIENT : Result.PERMANENT);
      throw new WriterFailure("openai: " + describe(e));
    } catch (RuntimeException e) {
      // The SDK's contract names OpenAIException, but an attempt must survive anything it throws.
      calls.record("openai", kind, Result.PERMANENT);
      throw new WriterFailure("openai: " + e);
    }
    calls.record("openai", kind, Result.OK);
    if (response.status().filter(ResponseStatus.INCOMPLETE::equals).isPresent()) {
      throw new WriterFailure("openai: incomplete response (output token limit)");
    }
    StringBuilder text = new StringBuilder();
    for (var item : response.output()) {
      for (ResponseOutputMessage.Content part :
          item.message().map(ResponseOutputMessage::content).orElse(List.of())) {
        if (part.refusal().isPresent()) {
          throw new WriterFailure("openai refused: " + part.refusal().get().refusal());
        }
        part.outputText().ifPresent(t -> text.append(t.text()));
      }
    }
    if (text.toString().isBlank()) {
      throw new WriterFailure("openai: empty output");
    }
    return text.toString().strip();
  }

  /** The message with its cause's, e.g. "Request failed (InterruptedIOException: timeout)". */
  private static String describe(Exception e) {
    Throwable cause = e.getCause();
    if (cause == null || cause == e) {
      return e.getMessage();
    }
    return e.getMessage()
        + " ("
        + cause.getClass().getSimpleName()
        + ": "
        + cause.getMessage()
        + ")";
  }

  private static boolean worthRetrying(OpenAIException e) {
    if (e instanceof OpenAIServiceException) {
      int status = ((OpenAIServiceException) e).statusCode();
      return status == 429 || status >= 500;
    }
    return e instanceof OpenAIIoException;
  }

  private static ResponseFormatTextJsonSchemaConfig briefSchema() {
    Map<String, Object> text = Map.of("type", "string");
    Map<String, Object> outline =
        Map.of("type", "array", "items", text, "minItems", 4, "maxItems", 10);
    ResponseFormatTextJsonSchemaConfig.Schema schema =
        ResponseFormatTextJsonSchemaConfig.Schema.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty(
                "properties",
                JsonValue.from(
                    Map.of(
                        "title", text,
                        "metaDescription", text,
                        "excerpt", text,
                        "outline", outline)))
            .putAdditionalProperty(
                "required",
                JsonValue.from(List.of("title", "metaDescription", "excerpt", "outline")))
            .putAdditionalProperty("additionalProperties", JsonValue.from(false))
            .build();
    return ResponseFormatTextJsonSchemaConfig.builder()
        .name("blog_brief")
        .strict(true)
        .schema(schema)
        .build();
  }

  /** OpenAI gave no usable text; the message says why. */
  static final class WriterFailure extends Exception {
    private static final long serialVersionUID = 1L;

    WriterFailure(String message) {
      super(message);
    }
  }
}
