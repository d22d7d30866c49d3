package dev.winback.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small markup the default copy is written in, turned into a plain-text and an HTML Mustache template, so that
 * each message is written once: paragraphs separated by a blank line; {@code [label](field)} links to the URL in a
 * merge field (a paragraph holding only a link becomes a button); a paragraph wrapped whole in a section
 * ({@code {{#feedback}}...{{/feedback}}}) disappears with its spacing when the field is absent.
 */
final class Markup {
  /**
   * Separates paragraphs in the plain text until it is rendered, then becomes a blank line: mustache.java drops a
   * line break after some tags standing at the end of a line (a section closed right before a field), which would
   * glue paragraphs together.
   */
  static final String BREAK = "\u2029";

  static final String PARAGRAPH = "margin:0 0 16px 0;";
  static final String LINK = "color:#1a56a6;text-decoration:underline;overflow-wrap:anywhere;";
  static final String BUTTON =
      "display:inline-block;padding:10px 18px;background:#1a56a6;color:#ffffff;"
          + "border-radius:4px;text-decoration:none;font-weight:bold;";
  private static final Pattern LINK_MARK = Pattern.compile("\\[([^\\]]+)\\]\\((\\w+)\\)");
  private static final Pattern WRAPPED =
      Pattern.compile("^\\{\\{([#^])(\\w+)\\}\\}(.*)\\{\\{/\\2\\}\\}$");
  private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*\\}\\}");

  private Markup() {}

  static String text(String body, String colon) {
    List<String> out = new ArrayList<>();
    for (String paragraph : paragraphs(body)) {
      Matcher wrapped = WRAPPED.matcher(paragraph);
      if (wrapped.matches() && !wrapped.group(3).contains("{{/" + wrapped.group(2) + "}}")) {
        out.add("{{" + wrapped.group(1) + wrapped.group(2) + "}}"
            + textLine(wrapped.group(3), colon) + BREAK + "{{/" + wrapped.group(2) + "}}");
      } else {
        out.add(textLine(paragraph, colon) + (LINK_MARK.matcher(paragraph).matches() ? "" : BREAK));
      }
    }
    return String.join("", out).strip() + "\n";
  }

  static String html(String body) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : paragraphs(body)) {
      Matcher wrapped = WRAPPED.matcher(paragraph);
      if (wrapped.matches() && !wrapped.group(3).contains("{{/" + wrapped.group(2) + "}}")) {
        out.append("{{")
            .append(wrapped.group(1))
            .append(wrapped.group(2))
            .append("}}")
            .append(htmlParagraph(wrapped.group(3)))
            .append("{{/")
            .append(wrapped.group(2))
            .append("}}\n");
      } else {
        out.append(htmlParagraph(paragraph)).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> paragraphs(String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String block : body.strip().split("\\n\\s*\\n")) {
      String joined = block.strip().replaceAll("\\s*\\n\\s*", " ");
      if (!joined.isEmpty()) {
        paragraphs.add(joined);
      }
    }
    return paragraphs;
  }

  private static String textLine(String paragraph, String colon) {
    Matcher only = LINK_MARK.matcher(paragraph);
    if (only.matches()) {
      // the spacing goes inside the section: Mustache drops the line break after a section closing
      // a line
      return "{{#" + only.group(2) + "}}" + only.group(1) + colon + "\n{{" + only.group(2)
          + "}}\n\n{{/" + only.group(2) + "}}";
    }
    return LINK_MARK
        .matcher(paragraph)
        .replaceAll(m -> Matcher.quoteReplacement(
            "{{#" + m.group(2) + "}}" + m.group(1) + " ({{" + m.group(2) + "}}){{/" + m.group(2)
                + "}}{{^" + m.group(2) + "}}" + m.group(1) + "{{/" + m.group(2) + "}}"));
  }

  private static String htmlParagraph(String paragraph) {
    Matcher only = LINK_MARK.matcher(paragraph);
    if (only.matches()) {
      String field = only.group(2);
      return "{{#" + field + "}}<p style=\"" + PARAGRAPH + "\"><a href=\"{{" + field
          + "}}\" style=\"" + BUTTON + "\">" + escapeLiteral(only.group(1)) + "</a></p>{{/" + field
          + "}}";
    }
    String escaped = escapeLiteral(paragraph);
    String linked = LINK_MARK
        .matcher(escaped)
        .replaceAll(m -> Matcher.quoteReplacement("{{#" + m.group(2) + "}}<a href=\"{{" + m.group(2)
            + "}}\" style=\"" + LINK + "\">" + m.group(1) + "</a>{{/" + m.group(2) + "}}{{^"
            + m.group(2) + "}}" + m.group(1) + "{{/" + m.group(2) + "}}"));
    return "<p style=\"" + PARAGRAPH + "\">" + linked + "</p>";
  }

  /** Escapes the literal text of the copy, leaving its Mustache tags alone. */
  static String escapeLiteral(String text) {
    StringBuilder out = new StringBuilder();
    Matcher tag = TAG.matcher(text);
    int last = 0;
    while (tag.find()) {
      out.append(escape(text.substring(last, tag.start()))).append(tag.group());
      last = tag.end();
    }
    return out.append(escape(text.substring(last))).toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
