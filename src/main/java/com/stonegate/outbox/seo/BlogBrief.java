package com.stonegate.outbox.seo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan of a post, as OpenAI returns it under the strict JSON schema {@code blog_brief}. Lengths
 * are checked against the spec's limits and a brief outside them is rejected, never trimmed to fit.
 *
 * @param title 10–90 characters
 * @param metaDescription 50–170 characters
 * @param excerpt 40–240 characters
 * @param outline 4–10 section headings of 3–80 characters each
 */
public record BlogBrief(
    String title, String metaDescription, String excerpt, List<String> outline) {
  static final Set<String> FIELDS = Set.of("title", "metaDescription", "excerpt", "outline");

  private static final ObjectMapper JSON = new ObjectMapper();

  public BlogBrief {
    outline = List.copyOf(outline);
    check("title", title, 10, 90);
    check("metaDescription", metaDescription, 50, 170);
    check("excerpt", excerpt, 40, 240);
    if (outline.size() < 4 || outline.size() > 10) {
      throw new InvalidBrief("outline has " + outline.size() + " headings (4–10)");
    }
    for (String heading : outline) {
      check("outline heading", heading, 3, 80);
    }
  }

  /** Parses OpenAI's output text; {@link InvalidBrief} says what is wrong with it. */
  public static BlogBrief parse(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidBrief("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidBrief("not a JSON object");
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new InvalidBrief("unexpected field " + name);
              }
            });
    JsonNode outline = node.path("outline");
    if (!outline.isArray()) {
      throw new InvalidBrief("outline is not an array");
    }
    List<String> headings = new ArrayList<>();
    outline.forEach(heading -> headings.add(text(heading, "outline heading")));
    return new BlogBrief(
        text(node.path("title"), "title"),
        text(node.path("metaDescription"), "metaDescription"),
        text(node.path("excerpt"), "excerpt"),
        headings);
  }

  /** Everything a reader of the page sees, for the content guards. */
  String visibleText() {
    return String.join("\n", title, metaDescription, excerpt, String.join("\n", outline));
  }

  private static String text(JsonNode node, String field) {
    if (!node.isTextual()) {
      throw new InvalidBrief(field + " is missing or not a string");
    }
    return node.asText();
  }

  private static void check(String field, String value, int min, int max) {
    if (value == null) {
      throw new InvalidBrief(field + " is missing");
    }
    int length = value.strip().length();
    if (length < min || length > max) {
      throw new InvalidBrief(
          field + " has " + length + " characters (" + min + "–" + max + "): " + value);
    }
  }

  /** The brief breaks the schema or a limit; the message says which. */
  public static final class InvalidBrief extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidBrief(String message) {
      super(message);
    }
  }
}
