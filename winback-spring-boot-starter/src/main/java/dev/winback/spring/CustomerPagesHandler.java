package dev.winback.spring;

import dev.winback.web.CustomerPages;
import dev.winback.web.WebRequest;
import dev.winback.web.WebResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.springframework.web.HttpRequestHandler;

/**
 * Serves {@link CustomerPages} on a servlet request: the method, the path below the context path (not decoded), the
 * raw query, every header (cookies included) and at most one byte more of the body than the pages accept go in;
 * the status, every header value and the body come out as the pages made them. Stateless and thread-safe.
 */
final class CustomerPagesHandler implements HttpRequestHandler {
  private final CustomerPages pages;

  CustomerPagesHandler(CustomerPages pages) {
    this.pages = pages;
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    WebResponse answer = pages.handle(toWebRequest(request));
    response.setStatus(answer.status());
    answer
        .headers()
        .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    byte[] body = answer.bodyBytes();
    response.setContentLength(body.length);
    if (body.length > 0) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }

  private WebRequest toWebRequest(HttpServletRequest request) throws IOException {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    WebRequest.Builder web =
        WebRequest.builder().method(request.getMethod()).path(path.isEmpty() ? "/" : path);
    String query = request.getQueryString();
    if (query != null) {
      web.query(query);
    }
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        web.header(name, value);
      }
    }
    byte[] body = request.getInputStream().readNBytes(pages.maxBodyBytes() + 1);
    return web.body(new String(body, StandardCharsets.UTF_8)).build();
  }
}
