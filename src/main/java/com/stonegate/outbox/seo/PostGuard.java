package com.stonegate.outbox.seo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Decides whether a Markdown draft may be saved: the {@link ContentGuard} rules, an FAQ section (a
 * heading saying "FAQ" or "Frequently asked questions"), and every internal link the topic requires
 * ({@link Topic#requiredLinks()}), found by parsing the Markdown with commonmark.
 */
final class PostGuard {
  private static final Pattern FAQ =
      Pattern.compile("\\bFAQs?\\b|frequently asked questions", Pattern.CASE_INSENSITIVE);

  private final ContentGuard content;
  private final Parser parser = Parser.builder().build();

  PostGuard(ContentGuard content) {
    this.content = content;
  }

  /** Why {@code markdown} may not be saved as a post on {@code topic}; empty when it may. */
  List<String> problems(String markdown, Topic topic) {
    List<String> problems = new ArrayList<>(content.problems(markdown));
    Outline outline = new Outline();
    parser.parse(markdown).accept(outline);
    if (!outline.hasFaq) {
      problems.add("has no FAQ section");
    }
    List<String> missing = new ArrayList<>();
    for (Topic.Link link : topic.requiredLinks()) {
      if (!outline.destinations.contains(link.url())) {
        missing.add(link.url());
      }
    }
    if (!missing.isEmpty()) {
      problems.add("lacks the internal links " + String.join(", ", missing));
    }
    return problems;
  }

  /** Collects link destinations and notices an FAQ heading. */
  private static final class Outline extends AbstractVisitor {
    final Set<String> destinations = new LinkedHashSet<>();
    boolean hasFaq;

    @Override
    public void visit(Heading heading) {
      if (FAQ.matcher(text(heading)).find()) {
        hasFaq = true;
      }
      visitChildren(heading);
    }

    @Override
    public void visit(Link link) {
      destinations.add(normalise(link.getDestination()));
      visitChildren(link);
    }

    private static String normalise(String destination) {
      String d = destination.strip().toLowerCase(Locale.ROOT);
      return d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }

    private static String text(Node node) {
      StringBuilder text = new StringBuilder();
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Text) {
          text.append(((Text) child).getLiteral());
        } else if (child instanceof Code) {
          text.append(((Code) child).getLiteral());
        } else {
          text.append(text(child));
        }
      }
      return text.toString();
    }
  }
}
