package com.stonegate.outbox.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.OpenAiStandIn;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientsTest {
  private final OpenAiStandIn openAi = OpenAiStandIn.start();
  private OpenAIClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    openAi.close();
  }

  @Test
  void the_client_talks_to_the_base_url_with_the_api_key() {
    openAi.enqueue(OpenAiReply.text("hello"));

    client = OpenAiClients.create(openAi.config(Duration.ofSeconds(5)));

    Response response = client.responses().create(params());

    assertThat(response.output().get(0).message().orElseThrow().content().get(0).outputText())
        .hasValueSatisfying(t -> assertThat(t.text()).isEqualTo("hello"));
    assertThat(openAi.authorizations()).containsExactly("Bearer " + OpenAiStandIn.API_KEY);
    assertThat(openAi.requests().get(0).path("model").asText()).isEqualTo("gpt-5-mini");
  }

  @Test
  void a_server_error_is_retried_once_then_thrown() {
    client = OpenAiClients.create(openAi.config(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> client.responses().create(params()))
        .isInstanceOf(InternalServerException.class);
    assertThat(openAi.requests()).hasSize(2);
  }

  @Test
  void the_timeout_bounds_the_call_with_its_retry() {
    openAi.enqueue(
        OpenAiReply.text("late").after(Duration.ofSeconds(10)),
        OpenAiReply.text("late").after(Duration.ofSeconds(10)));
    long start = System.nanoTime();

    client = OpenAiClients.create(openAi.config(Duration.ofMillis(400)));

    assertThatThrownBy(() -> client.responses().create(params()))
        .isInstanceOf(OpenAIIoException.class);
    // two tries of 200 ms and the SDK's backoff between them (under a second)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void without_an_api_key_there_is_no_client() {
    OpenAiConfig none =
        new OpenAiConfig(
            Optional.empty(), Optional.empty(), "gpt-5-mini", Duration.ofSeconds(1), 1);

    assertThatThrownBy(() -> OpenAiClients.create(none))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OPENAI_API_KEY");
  }

  private static ResponseCreateParams params() {
    return ResponseCreateParams.builder().model("gpt-5-mini").input("Say hello").build();
  }
}
