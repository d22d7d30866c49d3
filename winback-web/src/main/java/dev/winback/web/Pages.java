package dev.winback.web;

import dev.winback.model.ExitCategory;
import dev.winback.model.ExitTerms;
import dev.winback.model.Offer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Writes the pages' HTML: server-rendered, no script, one inline style sheet allowed by its hash, every value
 * escaped. Stateless.
 */
final class Pages {
  /** The categories a customer may choose from: never the ones that stop all contact for good. */
  static final List<ExitCategory> CHOICES = Arrays.stream(ExitCategory.values())
      .filter(c -> !c.irreversible() && c != ExitCategory.UNKNOWN)
      .toList();

  static final String FIELD_REASON = "reason";
  static final String FIELD_WORDS = "words";
  static final String FIELD_KEEP_IN_TOUCH = "keep_in_touch";

  private static final String STYLE = "*{box-sizing:border-box}"
      + "body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
      + "color:#1f1f1f;background:#fff}"
      + "main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}"
      + "h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}"
      + "p{margin:0 0 1rem}fieldset{border:1px solid #6b6b6b;border-radius:.5rem;margin:0 0 1.25rem;"
      + "padding:.5rem 1rem 1rem}legend{font-weight:600;padding:0 .25rem}"
      + ".choice{display:flex;align-items:flex-start;gap:.6rem;padding:.45rem 0}"
      + ".choice input{width:1.3rem;height:1.3rem;margin:.15rem 0 0;flex:none}"
      + "label{cursor:pointer}.field{display:block;font-weight:600;margin:0 0 .4rem}"
      + "textarea{display:block;width:100%;min-height:8rem;font:inherit;color:inherit;padding:.6rem;"
      + "border:1px solid #6b6b6b;border-radius:.4rem;margin:0 0 1rem}"
      + "button{font:inherit;font-weight:600;color:#fff;background:#1a56db;border:0;border-radius:.4rem;"
      + "padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer;max-width:100%;margin-top:1rem}"
      + "button:hover{background:#1746b5}"
      + ":focus-visible{outline:3px solid #b45309;outline-offset:2px}"
      + ".error{color:#b91c1c;font-weight:600}.offer{border-left:4px solid #1a56db;padding:.5rem 1rem;"
      + "background:#f1f5fd}ul{padding-left:1.25rem}";

  /** The Content-Security-Policy of every page: nothing but the inline style sheet, forms to this site only. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + hashOf(STYLE)
      + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private Pages() {}

  static String survey(
      Texts t,
      String formToken,
      Optional<String> error,
      Optional<ExitCategory> chosen,
      String words,
      boolean keepInTouch) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(t.get("survey.title"))).append("</h1>\n");
    html.append("<p>").append(esc(t.get("survey.intro"))).append("</p>\n");
    error.ifPresent(e -> html.append("<p class=\"error\" id=\"error\" role=\"alert\">")
        .append(esc(e))
        .append("</p>\n"));
    html.append("<form method=\"post\"")
        .append(error.isPresent() ? " aria-describedby=\"error\"" : "")
        .append(">\n");
    hidden(html, formToken);
    html.append("<fieldset><legend>").append(esc(t.get("survey.reasons"))).append("</legend>\n");
    for (ExitCategory category : CHOICES) {
      choice(
          html,
          "radio",
          FIELD_REASON,
          category.name(),
          chosen.equals(Optional.of(category)),
          t.get("reason." + category.name()));
    }
    choice(
        html,
        "radio",
        FIELD_REASON,
        ExitCategory.UNKNOWN.name(),
        chosen.equals(Optional.of(ExitCategory.UNKNOWN)),
        t.get("reason.UNKNOWN"));
    html.append("</fieldset>\n");
    html.append("<label class=\"field\" for=\"words\">")
        .append(esc(t.get("survey.words")))
        .append("</label>\n");
    html.append("<textarea id=\"words\" name=\"")
        .append(FIELD_WORDS)
        .append("\" rows=\"6\" maxlength=\"")
        .append(CustomerPages.MAX_WORDS)
        .append("\">")
        .append(esc(words))
        .append("</textarea>\n");
    choice(html, "checkbox", FIELD_KEEP_IN_TOUCH, "yes", keepInTouch, t.get("survey.keepInTouch"));
    html.append("<button type=\"submit\">")
        .append(esc(t.get("survey.submit")))
        .append("</button>\n");
    html.append("</form>\n");
    return document(t, t.get("survey.title"), html.toString());
  }

  static String thanks(Texts t, boolean keepInTouch) {
    return message(
        t,
        "thanks.title",
        t.get("thanks.body"),
        t.get(keepInTouch ? "thanks.keepInTouch" : "thanks.noContact"));
  }

  static String comeBack(Texts t, String formToken, Optional<Offer> offer, ExitTerms terms) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(t.get("comeBack.title"))).append("</h1>\n");
    html.append("<p>").append(esc(t.get("comeBack.intro"))).append("</p>\n");
    offer.ifPresent(o -> html.append("<p class=\"offer\"><strong>")
        .append(esc(t.get("comeBack.offer", describe(t, o))))
        .append("</strong><br>")
        .append(esc(t.get("comeBack.until", date(t, o))))
        .append("</p>\n"));
    keeps(html, t, terms);
    html.append("<form method=\"post\">\n");
    hidden(html, formToken);
    html.append("<button type=\"submit\">")
        .append(esc(t.get("comeBack.button")))
        .append("</button>\n");
    html.append("</form>\n");
    return document(t, t.get("comeBack.title"), html.toString());
  }

  static String cameBack(Texts t, Optional<Offer> offer, ExitTerms terms) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(t.get("comeBack.doneTitle"))).append("</h1>\n");
    html.append("<p>").append(esc(t.get("comeBack.doneBody"))).append("</p>\n");
    offer.ifPresent(o -> html.append("<p class=\"offer\"><strong>")
        .append(esc(t.get("comeBack.doneOffer", describe(t, o))))
        .append("</strong><br>")
        .append(esc(t.get("comeBack.until", date(t, o))))
        .append("</p>\n"));
    keeps(html, t, terms);
    return document(t, t.get("comeBack.doneTitle"), html.toString());
  }

  static String unsubscribe(Texts t, String formToken) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(t.get("unsubscribe.title"))).append("</h1>\n");
    html.append("<p>").append(esc(t.get("unsubscribe.intro"))).append("</p>\n");
    html.append("<form method=\"post\">\n");
    hidden(html, formToken);
    html.append("<button type=\"submit\">")
        .append(esc(t.get("unsubscribe.button")))
        .append("</button>\n");
    html.append("</form>\n");
    return document(t, t.get("unsubscribe.title"), html.toString());
  }

  static String unsubscribed(Texts t) {
    return message(t, "unsubscribe.doneTitle", t.get("unsubscribe.doneBody"));
  }

  /** A page that says one thing: a title and its paragraphs. */
  static String message(Texts t, String titleKey, String... paragraphs) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(t.get(titleKey))).append("</h1>\n");
    for (String paragraph : paragraphs) {
      html.append("<p>").append(esc(paragraph)).append("</p>\n");
    }
    return document(t, t.get(titleKey), html.toString());
  }

  /** What an offer gives, in the customer's words and number format. */
  static String describe(Texts t, Offer offer) {
    NumberFormat number = NumberFormat.getNumberInstance(t.locale());
    return switch (offer.kind()) {
      case PERCENT_OFF ->
        offer
            .value()
            .map(v -> t.get("offer.PERCENT_OFF", number.format(v)))
            .orElseGet(() -> t.get("offer.special"));
      case AMOUNT_OFF ->
        offer
            .value()
            .map(v -> t.get(
                "offer.AMOUNT_OFF",
                offer
                    .currency()
                    .map(c -> {
                      NumberFormat money = NumberFormat.getCurrencyInstance(t.locale());
                      money.setCurrency(c);
                      return money.format(v);
                    })
                    .orElseGet(() -> number.format(v))))
            .orElseGet(() -> t.get("offer.special"));
      case FREE_PERIOD ->
        offer
            .period()
            .map(p -> p.getDays() == 0 && p.toTotalMonths() > 0
                ? t.get("offer.months", number.format(p.toTotalMonths()))
                : t.get("offer.days", number.format(p.toTotalMonths() * 30 + p.getDays())))
            .orElseGet(() -> t.get("offer.FREE_PERIOD"));
      case UPGRADE, PAUSE, DOWNGRADE -> t.get("offer." + offer.kind().name());
    };
  }

  private static String date(Texts t, Offer offer) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(t.locale())
        .format(offer.expiresAt().atZone(ZoneOffset.UTC));
  }

  private static void keeps(StringBuilder html, Texts t, ExitTerms terms) {
    boolean dataKept = !terms.dataRetention().isZero();
    if (terms.keeps().isEmpty() && !dataKept) {
      return;
    }
    html.append("<h2>").append(esc(t.get("comeBack.keeps"))).append("</h2>\n<ul>\n");
    if (dataKept) {
      html.append("<li>").append(esc(t.get("comeBack.data"))).append("</li>\n");
    }
    for (String kept : terms.keeps()) {
      html.append("<li>").append(esc(kept)).append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private static void hidden(StringBuilder html, String formToken) {
    html.append("<input type=\"hidden\" name=\"")
        .append(Csrf.FIELD)
        .append("\" value=\"")
        .append(esc(formToken))
        .append("\">\n");
  }

  private static void choice(
      StringBuilder html, String type, String name, String value, boolean checked, String label) {
    String id = name + "-" + value;
    html.append("<div class=\"choice\"><input type=\"")
        .append(type)
        .append("\" id=\"")
        .append(esc(id))
        .append("\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(esc(value))
        .append('"')
        .append(checked ? " checked" : "")
        .append("><label for=\"")
        .append(esc(id))
        .append("\">")
        .append(esc(label))
        .append("</label></div>\n");
  }

  private static String document(Texts t, String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"" + esc(t.languageTag())
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        + "<title>" + esc(title) + "</title>\n<style>" + STYLE
        + "</style>\n</head>\n<body>\n<main>\n"
        + body + "</main>\n</body>\n</html>\n";
  }

  /** Escapes text for HTML content and attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String hashOf(String style) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
