package dev.winback.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Someone who asks the console for pages over HTTP, signed in with HTTP Basic or anonymous; follows no redirect. */
final class Visitor {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String origin;
  private final Optional<String> user;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Visitor(int port, Optional<String> user) {
    this.origin = "http://127.0.0.1:" + port;
    this.user = user;
  }

  static Visitor signedIn(int port, String user) {
    return new Visitor(port, Optional.of(user));
  }

  static Visitor anonymous(int port) {
    return new Visitor(port, Optional.empty());
  }

  /** The header value a browser sends for the user, for the DevTools protocol. */
  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (user + ":" + ConsoleApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends this header with every later request, as a browser would send Origin or Sec-Fetch-Site. */
  Visitor with(String name, String value) {
    headers.put(name, value);
    return this;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path));
    user.ifPresent(u -> builder.header("Authorization", basic(u)));
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
