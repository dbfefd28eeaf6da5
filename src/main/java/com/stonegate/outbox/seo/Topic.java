package com.stonegate.outbox.seo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One subject the autopublisher can write about, from {@code seo/topics.json}.
 *
 * @param key stable identifier, stored in {@code blog_posts.topic_key} and the base of the slug
 *     (lower-case letters, digits and hyphens)
 * @param titleHint what the title should say; the brief writes the real one
 * @param primaryKeyword the search phrase the post targets
 * @param relatedServiceSlugs services the post links to as {@code /services/{slug}}
 */
public record Topic(
    String key, String titleHint, String primaryKeyword, List<String> relatedServiceSlugs) {

  /** The services of the StonegateOS site, with the label of a link to each. */
  public static final Map<String, String> SERVICES =
      Map.of(
          "furniture", "Furniture removal",
          "appliances", "Appliance removal",
          "yard-waste", "Yard waste removal",
          "construction-debris", "Construction debris removal",
          "hot-tub", "Hot tub removal",
          "single-item", "Single-item pickup");

  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Topic {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("topic key must be lower-case-with-hyphens: " + key);
    }
    if (titleHint == null || titleHint.isBlank() || primaryKeyword == null) {
      throw new IllegalArgumentException("topic " + key + " needs a title hint and a keyword");
    }
    relatedServiceSlugs = List.copyOf(relatedServiceSlugs);
    for (String slug : relatedServiceSlugs) {
      if (!SERVICES.containsKey(slug)) {
        throw new IllegalArgumentException("topic " + key + ": unknown service " + slug);
      }
    }
  }

  /**
   * The internal links every post on this topic must carry: the site's pricing, services, areas and
   * estimate form, and each related service.
   */
  public List<Link> requiredLinks() {
    List<Link> links = new ArrayList<>();
    links.add(new Link("Pricing", "/pricing"));
    links.add(new Link("Services", "/services"));
    links.add(new Link("Service areas", "/areas"));
    links.add(new Link("Schedule an estimate", "/#schedule-estimate"));
    for (String slug : relatedServiceSlugs) {
      links.add(new Link(SERVICES.get(slug), "/services/" + slug));
    }
    return links;
  }

  /** A link as the prompt offers it and the guard looks for it. */
  public record Link(String label, String url) {}
}
