package com.stonegate.outbox.seo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What the autopublisher tells OpenAI: the house rules, and the topic as JSON. */
final class Prompts {
  static final String SERVICE_AREA =
      "Cobb, Cherokee, Fulton, and Bartow counties (North Metro Atlanta)";

  static final String BRIEF_INSTRUCTIONS =
      String.join(
          "\n",
          "You are an SEO content strategist for Stonegate Junk Removal (North Metro Atlanta).",
          "Hard rules:",
          "- Do NOT include any dollar amounts or prices.",
          "- Do NOT mention any counties outside Cobb, Cherokee, Fulton, and Bartow.",
          "- Do NOT invent statistics, rankings, awards, or partnerships.",
          "- Keep it practical and specific to junk removal.",
          "Return JSON with: title (10-90 characters), metaDescription (50-170 characters,"
              + " ideally under 155), excerpt (40-240 characters), outline (4-10 section"
              + " headings of 3-80 characters each).");

  static final String POST_INSTRUCTIONS =
      String.join(
          "\n",
          "You write a helpful local SEO blog post in Markdown for Stonegate Junk Removal.",
          "Rules:",
          "- Output Markdown ONLY, starting with the first section (no title heading).",
          "- Do NOT include any dollar amounts or prices.",
          "- Do NOT mention any counties outside Cobb, Cherokee, Fulton, and Bartow.",
          "- Do NOT invent statistics, legal claims, rankings, or awards.",
          "- Mention \"Stonegate Junk Removal\" in the introduction.",
          "- Follow the outline as the section headings.",
          "- Include a section headed \"FAQ\" with 4 questions and answers.",
          "- Include every internal link exactly as provided, as [label](url).",
          "- End with a short call to action to schedule an estimate.");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Prompts() {}

  static String briefInput(Topic topic) {
    ObjectNode input = JSON.createObjectNode();
    input.put("topicKey", topic.key());
    input.put("titleHint", topic.titleHint());
    input.put("primaryKeyword", topic.primaryKeyword());
    input.put("serviceArea", SERVICE_AREA);
    input.set("relatedServices", JSON.valueToTree(topic.relatedServiceSlugs()));
    return input.toString();
  }

  /**
   * @param rejected why the previous draft was refused (empty on the first try), so the second try
   *     can avoid it
   */
  static String postInput(Topic topic, BlogBrief brief, List<String> rejected) {
    ObjectNode input = JSON.createObjectNode();
    input.put("title", brief.title());
    input.put("excerpt", brief.excerpt());
    input.set("outline", JSON.valueToTree(brief.outline()));
    input.put("primaryKeyword", topic.primaryKeyword());
    input.put("serviceArea", SERVICE_AREA);
    ArrayNode links = input.putArray("internalLinks");
    topic
        .requiredLinks()
        .forEach(l -> links.addObject().put("label", l.label()).put("url", l.url()));
    if (!rejected.isEmpty()) {
      input.put("previousDraftRejectedBecause", String.join("; ", rejected));
    }
    return input.toString();
  }
}
