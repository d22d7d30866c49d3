package dev.winback.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the customer pages answer: a status, headers (a name may repeat, as {@code Set-Cookie} does) and a UTF-8
 * body for an adapter to write back as it is. Immutable.
 */
public final class WebResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;

  private WebResponse(int status, Map<String, List<String>> headers, String body) {
    this.status = status;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
  }

  static WebResponse of(int status, Map<String, List<String>> headers, String body) {
    return new WebResponse(status, headers, body);
  }

  /**
   * The HTTP status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Every header to send, by name as it should be written; a name may carry several values.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header, by its name in any case.
   *
   * @param name the header's name
   * @return its first value, empty when there is none
   */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }

  /**
   * The body as text.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  /**
   * The body as the UTF-8 bytes to write.
   *
   * @return the bytes, a fresh copy
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "WebResponse[" + status + "]";
  }

  /** Collects the headers of a response being made. */
  static final class Headers {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Headers set(String name, String value) {
      values.put(name, new ArrayList<>(List.of(value)));
      return this;
    }

    Headers add(String name, String value) {
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    Map<String, List<String>> asMap() {
      return values;
    }
  }
}
