package com.stonegate.outbox.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.provider.webhook.WebhookSignature;
import com.stonegate.outbox.testing.HttpStandIn;
import com.stonegate.outbox.testing.HttpStandIn.Reply;
import com.stonegate.outbox.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finished events go to the matching webhooks, signed, each endpoint at most once. */
class WebhooksTest {
  private static final String STAGE_CHANGE =
      "{\"contactId\":\"c\",\"fromStage\":\"new\",\"toStage\":\"qualified\",\"reason\":\"x\",\"meta\":{}}";

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();

  private final HttpStandIn hooks = HttpStandIn.start(new Reply(204, ""));
  private HandlerFixture worker;

  @BeforeEach
  void setUp() {
    worker =
        new HandlerFixture(
            db,
            Map.of(
                "OUTBOX_WEBHOOK_URLS",
                "pipeline.*=" + hooks.baseUrl() + "/pipeline, " + hooks.baseUrl() + "/all",
                "OUTBOX_WEBHOOK_SECRET",
                StandIns.WEBHOOK_SECRET));
  }

  @AfterEach
  void tearDown() {
    worker.close();
    hooks.close();
  }

  @Test
  void finished_event_is_posted_to_each_matching_endpoint_with_a_signature_that_verifies()
      throws Exception {
    UUID event = worker.enqueue("pipeline.auto_stage_change", STAGE_CHANGE);

    assertThat(worker.runOnce().processed()).isEqualTo(1);

    assertThat(hooks.requests())
        .extracting(HttpStandIn.Request::path)
        .containsExactlyInAnyOrder("/pipeline", "/all");
    for (HttpStandIn.Request request : hooks.requests()) {
      String id = request.header("webhook-id");
      long timestamp = Long.parseLong(request.header("webhook-timestamp"));
      assertThat(id).isEqualTo("evt_" + event);
      assertThat(timestamp).isEqualTo(worker.clock.instant().getEpochSecond());
      assertThat(request.header("webhook-signature"))
          .isEqualTo(WebhookSignature.sign(StandIns.WEBHOOK_SECRET, id, timestamp, request.body()));
      JsonNode body = new ObjectMapper().readTree(request.body());
      assertThat(body.path("type").asText()).isEqualTo("pipeline.auto_stage_change");
      assertThat(body.at("/data/toStage").asText()).isEqualTo("qualified");
    }
  }

  @Test
  void failing_endpoint_retries_the_event_without_resending_to_the_other() throws Exception {
    hooks.enqueue(new Reply(503, "busy"));
    UUID event = worker.enqueue("pipeline.auto_stage_change", STAGE_CHANGE);

    assertThat(worker.runOnce().errors()).isEqualTo(1);
    worker.runAgainLater();

    assertThat(worker.event(event).get("processed_at")).isNotNull();
    assertThat(hooks.requests()).hasSize(3);
    assertThat(worker.deliveries(event)).extracting(r -> r.get("state")).containsOnly("sent");
  }

  @Test
  void skipped_events_and_unmatched_types_are_not_posted() throws Exception {
    worker.enqueue("quote.sent", "{}");

    worker.runOnce();

    assertThat(hooks.requests()).isEmpty();
  }
}
