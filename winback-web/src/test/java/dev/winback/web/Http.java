package dev.winback.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for the pages, with no cookie jar: each test says which cookie it sends. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

  private Http() {}

  static HttpResponse<String> get(String url, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
  }

  static HttpResponse<String> post(String url, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (!all.contains("Content-Type")) {
      all.addAll(List.of("Content-Type", "application/x-www-form-urlencoded"));
    }
    return send(
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)),
        all.toArray(String[]::new));
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    request.timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The form a page shows: its form token and the cookie that goes with it. */
  record Form(String token, String cookie) {
    static Form of(HttpResponse<String> page) {
      Matcher token = FORM_TOKEN.matcher(page.body());
      if (!token.find()) {
        throw new AssertionError("no form on the page:\n" + page.body());
      }
      String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
      return new Form(token.group(1), cookie.substring(0, cookie.indexOf(';')));
    }

    /** A browser's answer to the form: the cookie, a same-origin fetch, and the form's fields. */
    HttpResponse<String> post(String url, String fields) {
      return Http.post(
          url,
          "form_token=" + token + (fields.isEmpty() ? "" : "&" + fields),
          "Cookie",
          cookie,
          "Sec-Fetch-Site",
          "same-origin",
          "Origin",
          "null");
    }
  }

  static Optional<String> header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name);
  }
}
