package dev.winback.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Mounts {@link CustomerPages} on the JDK's built-in HTTP server ({@code com.sun.net.httpserver}, module
 * {@code jdk.httpserver}), so that a host without a web framework can serve them:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * JdkHttpAdapter.mount(server, pages);
 * server.start();
 * }</pre>
 *
 * <p>Stateless; the server's executor decides the threads. Put TLS in front of it (or use an
 * {@code HttpsServer}): the links carry bearer tokens.
 */
public final class JdkHttpAdapter {
  private JdkHttpAdapter() {}

  /**
   * Serves the pages at their base path on a server.
   *
   * @param server the server, started or not
   * @param pages the pages
   * @return the context created, e.g. to add filters or remove it again
   */
  public static HttpContext mount(HttpServer server, CustomerPages pages) {
    return server.createContext(pages.basePath(), exchange -> serve(exchange, pages));
  }

  private static void serve(HttpExchange exchange, CustomerPages pages) throws IOException {
    try (exchange) {
      WebRequest.Builder request = WebRequest.builder()
          .method(exchange.getRequestMethod())
          .path(exchange.getRequestURI().getRawPath());
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        request.query(query);
      }
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
      request.body(readAtMost(exchange.getRequestBody(), pages.maxBodyBytes() + 1));
      WebResponse response = pages.handle(request.build());
      response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      byte[] body = response.bodyBytes();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** Reads a body up to a limit; the pages refuse one that reaches it, so the rest is never read. */
  private static String readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
