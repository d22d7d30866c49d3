package dev.winback.message;

import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One self-contained HTML page with every message a composer writes, so that a person can read them all: for each
 * language, sample customers of every situation and audience receive every step kind, and each distinct message
 * (by its templates) is shown once with its subject, its HTML as the customer sees it and its plain text, followed
 * by a combined message (a thank-you with an offer inside). Write it to a file with
 * {@code java -cp ... dev.winback.message.Gallery gallery.html}. Stateless and thread-safe.
 */
public final class Gallery {
  private static final String STYLE =
      "body{margin:0;background:#e5e7eb;font-family:Arial,Helvetica,sans-serif;"
          + "color:#111827;}main{max-width:760px;margin:0 auto;padding:16px;}h1{font-size:24px;}"
          + "h2{font-size:20px;margin-top:32px;}nav a{margin-right:12px;}"
          + "article{background:#ffffff;border:1px solid #d1d5db;border-radius:6px;margin:16px 0;padding:12px;}"
          + ".meta{font-size:12px;color:#4b5563;margin:0 0 4px 0;overflow-wrap:anywhere;}"
          + ".subject{font-size:17px;font-weight:bold;margin:0 0 8px 0;}"
          + ".plain{white-space:pre-wrap;overflow-wrap:anywhere;font-family:monospace;font-size:13px;"
          + "background:#f9fafb;border-top:1px solid #e5e7eb;margin:8px 0 0 0;padding:8px;}";

  private Gallery() {}

  /**
   * Renders every message the composer writes for the sample customers, in English, German, French and Spanish.
   *
   * @param composer the composer, e.g. {@link Templates#defaults()} or one with the host's overrides
   * @return the page, self-contained HTML
   */
  public static String render(MessageComposer composer) {
    Objects.requireNonNull(composer, "composer");
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>WinBack messages</title><style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n<main>\n<h1>Every message WinBack sends</h1>\n<nav>");
    for (Locale locale : Samples.LOCALES) {
      page.append("<a href=\"#")
          .append(locale.getLanguage())
          .append("\">")
          .append(locale.getDisplayLanguage(Locale.ENGLISH))
          .append("</a>");
    }
    page.append("</nav>\n");
    for (Locale locale : Samples.LOCALES) {
      page.append("<section id=\"")
          .append(locale.getLanguage())
          .append("\">\n<h2>")
          .append(locale.getDisplayLanguage(Locale.ENGLISH))
          .append("</h2>\n");
      Set<String> shown = new HashSet<>();
      for (StepKind kind : StepKind.values()) {
        for (Situation situation : Situation.values()) {
          for (Audience audience : Audience.values()) {
            StepContext context = Samples.context(locale, situation, audience, List.of(kind));
            ComposedMessage message = composer.compose(context);
            if (shown.add(String.join(",", message.templateIds()))) {
              article(
                  page,
                  message,
                  kind.name() + ", sample: " + situation.id() + ", " + audience.id());
            }
          }
        }
      }
      StepContext combined = Samples.context(
          locale,
          Situation.OUR_FAULT,
          Audience.CONSUMER,
          List.of(StepKind.THANK_YOU, StepKind.INCENTIVE_OFFER));
      article(page, composer.compose(combined), "THANK_YOU with INCENTIVE_OFFER, one message");
      page.append("</section>\n");
    }
    return page.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void article(StringBuilder page, ComposedMessage message, String sample) {
    page.append("<article class=\"message\">\n<p class=\"meta\">")
        .append(Markup.escape(String.join(" + ", message.templateIds())))
        .append(" · ")
        .append(Markup.escape(message.locale().toLanguageTag()))
        .append(" · ")
        .append(Markup.escape(sample))
        .append(message.marketing() ? " · marketing" : "")
        .append("</p>\n<p class=\"subject\">")
        .append(Markup.escape(message.subject()))
        .append("</p>\n<div class=\"html\">")
        .append(body(message.html()))
        .append("</div>\n<div class=\"plain\">")
        .append(Markup.escape(message.text()))
        .append("</div>\n</article>\n");
  }

  /** The inside of an HTML document's body, or the whole fragment when it has none. */
  static String body(String html) {
    int open = html.indexOf("<body");
    int close = html.lastIndexOf("</body>");
    if (open < 0 || close < open) {
      return html;
    }
    int start = html.indexOf('>', open) + 1;
    return html.substring(start, close);
  }

  /**
   * Writes the gallery of the default copy to a file.
   *
   * @param args the file to write, {@code winback-gallery.html} when none is given
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "winback-gallery.html");
    Files.writeString(file, render(Templates.defaults()), StandardCharsets.UTF_8);
    System.out.println("wrote " + file.toAbsolutePath());
  }
}
