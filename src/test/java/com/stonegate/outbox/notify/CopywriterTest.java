package com.stonegate.outbox.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.openai.OpenAiCopyGenerator;
import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.OpenAiStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AI copy when it is usable, the template for whatever is not. */
class CopywriterTest {
  private static final String LINK = "https://stonegate.example/schedule?appointmentId=a&token=t";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  private final OpenAiStandIn openAi = OpenAiStandIn.start();
  private final Copywriter copywriter =
      new Copywriter(
          new OpenAiCopyGenerator(openAi.config(Duration.ofSeconds(5)), ProviderCalls.NONE), ZONE);
  private final AppointmentNotice notice =
      new AppointmentNotice(
          UUID.randomUUID(),
          AppointmentNotice.Kind.REQUESTED,
          new Contact(UUID.randomUUID(), "Dana Whitfield", "dana@example.com", "+14045550101"),
          "118 Kennesaw Ave, Marietta, GA 30060",
          Instant.parse("2026-12-08T14:00:00Z"),
          90,
          30,
          List.of("Garage cleanout"),
          Scheduling.NONE,
          null,
          LINK,
          null);

  @AfterEach
  void tearDown() {
    openAi.close();
  }

  @Test
  void usable_generated_copy_is_used_and_the_request_asks_for_the_strict_schema() {
    openAi.enqueue(
        OpenAiReply.text(
            copy(
                "See you Dec 8!",
                "Hi Dana, Stonegate Junk Removal here. " + LINK,
                "Stonegate Junk Removal: see you Dec 8. " + LINK)));

    Copy copy = copywriter.appointment(notice);

    assertThat(copy.source()).isEqualTo("openai");
    assertThat(copy.emailSubject()).isEqualTo("See you Dec 8!");
    JsonNode request = openAi.requests().get(0);
    assertThat(request.path("model").asText()).isEqualTo("gpt-5-mini");
    assertThat(request.at("/text/format/type").asText()).isEqualTo("json_schema");
    assertThat(request.at("/text/format/name").asText()).isEqualTo("notification_copy");
    assertThat(request.at("/text/format/strict").asBoolean()).isTrue();
    assertThat(request.path("input").asText()).contains(LINK, "Dec 8, 2026, 9:00 AM");
    assertThat(openAi.authorizations().get(0)).isEqualTo("Bearer " + OpenAiStandIn.API_KEY);
  }

  @Test
  void garbage_from_openai_means_templates() {
    openAi.enqueue(OpenAiReply.text("Sure! Here is your copy: <html>"));

    assertThat(copywriter.appointment(notice)).isEqualTo(Templates.appointment(notice, ZONE));
  }

  @Test
  void openai_500_means_templates() {
    openAi.fallback(request -> OpenAiReply.status(500));

    assertThat(copywriter.appointment(notice)).isEqualTo(Templates.appointment(notice, ZONE));
  }

  @Test
  void over_long_or_linkless_or_emoji_parts_are_replaced_by_the_template_parts() {
    openAi.enqueue(
        OpenAiReply.text(
            copy(
                "Booked \uD83D\uDE9A",
                "Stonegate Junk Removal: body without the link",
                "x".repeat(321) + LINK)));

    Copy copy = copywriter.appointment(notice);
    Copy template = Templates.appointment(notice, ZONE);

    assertThat(copy).isEqualTo(template);
  }

  @Test
  void one_usable_part_is_kept_beside_template_parts() {
    openAi.enqueue(OpenAiReply.text(copy("Your estimate is set", "no link here", "y".repeat(400))));

    Copy copy = copywriter.appointment(notice);

    assertThat(copy.source()).isEqualTo("openai+template");
    assertThat(copy.emailSubject()).isEqualTo("Your estimate is set");
    assertThat(copy.smsBody()).isEqualTo(Templates.appointment(notice, ZONE).smsBody());
  }

  private static String copy(String subject, String body, String sms) {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode()
        .put("email_subject", subject)
        .put("email_body", body)
        .put("sms_body", sms)
        .toString();
  }
}
