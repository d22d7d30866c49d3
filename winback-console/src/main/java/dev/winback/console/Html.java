package dev.winback.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's page frame and the escaping of every value written into it. Pages are built from text; each value
 * that comes from the engine, the store or the request passes through {@link #esc}. The one style sheet is inline and
 * allowed by its hash, so the Content-Security-Policy forbids every script, every other style and every outside
 * resource. Stateless.
 */
final class Html {
  static final String STYLE = "*{box-sizing:border-box}"
      + "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;"
      + "background:#f6f8fa}"
      + "header{background:#1f2328;color:#fff;padding:.5rem 1rem}"
      + "header strong{margin-right:1rem}"
      + "nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}"
      + "nav a{color:#fff}"
      + "main{max-width:72rem;margin:0 auto;padding:1rem}"
      + "h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}"
      + "a{color:#0b57d0}"
      + ".who{margin-left:auto;font-size:.875rem;color:#d0d7de}"
      + ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem}"
      + ".card{background:#fff;border:1px solid #d0d7de;border-radius:.4rem;padding:.5rem .75rem}"
      + ".card b{display:block;font-size:1.4rem}"
      + ".scroll{overflow-x:auto;max-width:100%}"
      + "table{border-collapse:collapse;background:#fff;width:100%;font-size:.875rem}"
      + "th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;"
      + "overflow-wrap:break-word}"
      + "td.detail{min-width:12rem}"
      + "th{background:#eaeef2}"
      + "dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem;background:#fff;"
      + "border:1px solid #d0d7de;padding:.5rem .75rem;margin:0}"
      + "dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}"
      + "form.inline{display:inline}"
      + "form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 1rem}"
      + "input[type=text],select{font:inherit;padding:.35rem .5rem;border:1px solid #6e7781;border-radius:.3rem;"
      + "max-width:100%}"
      + "button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.3rem;"
      + "padding:.35rem .9rem;min-height:2.25rem;cursor:pointer;max-width:100%}"
      + "button.danger{background:#b42318}"
      + ".actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;background:#fff;"
      + "border:1px solid #d0d7de;padding:.5rem .75rem}"
      + ".notice{background:#dafbe1;border:1px solid #4ac26b;padding:.5rem .75rem}"
      + ".error{background:#ffebe9;border:1px solid #ff8182;padding:.5rem .75rem}"
      + ".muted{color:#57606a}"
      + ":focus-visible{outline:3px solid #b45309;outline-offset:2px}";

  /** Nothing but the inline style sheet above; forms post to this site only; no framing, no base, no script. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + hashOf(STYLE)
      + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
          "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Html() {}

  /** Escapes text for an HTML element's content or a quoted attribute. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A moment as people read it, in UTC. */
  static String time(Instant at) {
    return TIME.format(at);
  }

  /** A moment, or a dash when there is none. */
  static String time(Optional<Instant> at) {
    return at.map(Html::time).orElse("–");
  }

  /** A duration as people read it: days, hours, minutes and seconds. */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds <= 0) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      out.append(days).append(" d ");
    }
    if (days > 0 || hours > 0) {
      out.append(hours).append(" h ");
    }
    if (days == 0) {
      out.append(minutes).append(" min");
      if (hours == 0) {
        out.append(' ').append(seconds % 60).append(" s");
      }
    }
    return out.toString().trim();
  }

  /** The whole page: the frame with its navigation, around a body already escaped. */
  static String page(String base, String title, Operator operator, String body) {
    StringBuilder html = new StringBuilder(body.length() + 2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"same-origin\">")
        .append("<title>")
        .append(esc(title))
        .append(" · WinBack console</title><style>")
        .append(STYLE)
        .append(
            "</style></head><body>\n<header><nav aria-label=\"Console\"><strong>WinBack</strong>")
        .append("<a href=\"")
        .append(esc(base))
        .append("\">Overview</a><a href=\"")
        .append(esc(base))
        .append("/customer\">Customers</a><a href=\"")
        .append(esc(base))
        .append("/failures\">Failures</a><a href=\"")
        .append(esc(base))
        .append("/report\">Report</a><span class=\"who\">")
        .append(esc(operator.describe()))
        .append("</span></nav></header>\n<main>\n<h1>")
        .append(esc(title))
        .append("</h1>\n")
        .append(body)
        .append("</main>\n</body></html>\n");
    return html.toString();
  }

  /** A page that only says why the request was not served, for 401, 403, 404 and 409. */
  static String refusal(String title, String why) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + esc(title) + " · WinBack console</title><style>" + STYLE
        + "</style></head><body><main><h1>"
        + esc(title) + "</h1><p>" + esc(why) + "</p></main></body></html>\n";
  }

  static String hashOf(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
