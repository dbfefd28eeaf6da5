package com.stonegate.outbox.seo;

import com.fasterxml.jackson.databind.JsonNode;
import com.stonegate.outbox.testing.OpenAiReply;

/** What a well-behaved OpenAI answers the autopublisher, for {@code OpenAiStandIn}. */
public final class SeoReplies {
  public static final String TITLE = "Garage Cleanouts in Marietta: A Practical Weekend Plan";

  private SeoReplies() {}

  /** A brief for {@code blog_brief} requests, a post for the others. */
  public static OpenAiReply answer(JsonNode request) {
    boolean brief = "blog_brief".equals(request.path("text").path("format").path("name").asText());
    return OpenAiReply.text(brief ? brief() : post());
  }

  public static String brief() {
    return brief(TITLE);
  }

  public static String brief(String title) {
    return "{\"title\":\""
        + title
        + "\",\"metaDescription\":\"Plan a garage cleanout in Marietta: sort, donate and"
        + " haul away the rest with Stonegate.\",\"excerpt\":\"A weekend plan for clearing"
        + " out a packed garage, from sorting to the final haul.\",\"outline\":[\"Start with"
        + " a plan\",\"Sort into keep, donate, haul\",\"What we take\",\"Booking the"
        + " haul\"]}";
  }

  /** A post that passes every guard for any topic (it links every service). */
  public static String post() {
    return post("Clear the garage one zone at a time.");
  }

  /** The valid post with {@code extra} as its second paragraph. */
  public static String post(String extra) {
    return String.join(
        "\n",
        "Stonegate Junk Removal helps homeowners across Cobb and Cherokee counties.",
        "",
        extra,
        "",
        "## What we take",
        "",
        "See [services](/services), [pricing](/pricing), [areas](/areas) and",
        "[furniture](/services/furniture), [appliances](/services/appliances),",
        "[yard waste](/services/yard-waste), [debris](/services/construction-debris),",
        "[hot tubs](/services/hot-tub), [single items](/services/single-item).",
        "",
        "## FAQ",
        "",
        "**Do you haul appliances?** Yes.",
        "",
        "**Do you take yard waste?** Yes.",
        "",
        "**How fast?** Often the same week.",
        "",
        "**Do I need to be home?** Not always.",
        "",
        "[Schedule an estimate](/#schedule-estimate) today.");
  }
}
