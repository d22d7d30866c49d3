package dev.winback.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The outbox of the {@link OutboxDemo}: a list of every message sent, each message as its customer reads it (HTML,
 * or plain text), and a button that runs the next simulated day. Everything shown is escaped; the customer pages
 * themselves are served by {@code winback-web} under {@code /winback}.
 */
final class OutboxPages implements HttpHandler {
  private static final Pattern MESSAGE = Pattern.compile("/message/(\\d{1,6})(\\.txt)?");

  private final OutboxDemo demo;

  OutboxPages(OutboxDemo demo) {
    this.demo = demo;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/") && method.equals("GET")) {
        respond(exchange, 200, "text/html", outbox());
        return;
      }
      if (path.equals("/advance") && method.equals("POST")) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !demo.address().toString().startsWith(origin)) {
          respond(exchange, 403, "text/plain", "another site may not run the demo's days");
          return;
        }
        demo.runDays(1);
        exchange.getResponseHeaders().set("Location", "/");
        respond(exchange, 303, "text/plain", "");
        return;
      }
      Matcher message = MESSAGE.matcher(path);
      List<OutboxDemo.Sent> sent = demo.sent();
      if (message.matches() && method.equals("GET")) {
        int index = Integer.parseInt(message.group(1));
        if (index < sent.size()) {
          OutboxDemo.Sent one = sent.get(index);
          if (message.group(2) != null) {
            respond(
                exchange,
                200,
                "text/plain",
                "Subject: " + one.message().subject() + "\n\n" + one.message().text());
          } else {
            respond(exchange, 200, "text/html", one.message().html());
          }
          return;
        }
      }
      respond(exchange, 404, "text/plain", "no such page");
    }
  }

  private String outbox() {
    List<OutboxDemo.Sent> sent = demo.sent();
    StringBuilder rows = new StringBuilder();
    for (int i = sent.size() - 1; i >= 0; i--) {
      OutboxDemo.Sent one = sent.get(i);
      String status = demo.winBack()
          .plan(one.customerId())
          .map(WinBackPlan::status)
          .map(PlanStatus::name)
          .orElse("");
      rows.append("<tr><td>")
          .append(escape(one.at().toString().substring(0, 16).replace('T', ' ')))
          .append("</td><td>")
          .append(escape(one.customerId()))
          .append("</td><td>")
          .append(escape(one.channel().name().toLowerCase(Locale.ROOT)))
          .append("</td><td>")
          .append(escape(one.message().locale().toLanguageTag()))
          .append("</td><td><a href=\"/message/")
          .append(i)
          .append("\">")
          .append(escape(one.message().subject()))
          .append("</a> <a class=\"text\" href=\"/message/")
          .append(i)
          .append(".txt\">plain text</a></td><td>")
          .append(escape(one.parts().stream()
              .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' '))
              .collect(Collectors.joining(" + "))))
          .append("</td><td>")
          .append(escape(status))
          .append("</td></tr>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>WinBack outbox</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
        table { border-collapse: collapse; width: 100%%; }
        th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #ccc; vertical-align: top; }
        a { color: #0645ad; } .text { font-size: .85em; }
        button { font-size: 1rem; padding: .5rem 1rem; }
        </style></head><body><main>
        <h1>WinBack outbox</h1>
        <p>%d messages to the demo's lost customers, newest first, by %s (simulated time). Open a message to read
        it as the customer does, and follow its links: the survey, the way back, unsubscribe.</p>
        <form method="post" action="/advance"><button type="submit">Run the next simulated day</button></form>
        <table><thead><tr><th>Sent</th><th>Customer</th><th>Channel</th><th>Language</th><th>Subject</th>
        <th>Steps it carries</th><th>Plan now</th></tr></thead>
        <tbody>
        %s</tbody></table></main></body></html>
        """.formatted(
            sent.size(), escape(demo.now().toString().substring(0, 16).replace('T', ' ')), rows);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
