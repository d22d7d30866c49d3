package dev.winback.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request carries in its query, its form body and its cookies, decoded. A field sent twice keeps its first
 * value. Immutable.
 */
final class Forms {
  private final Map<String, String> fields;

  private Forms(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The fields of a query string or an {@code application/x-www-form-urlencoded} body. */
  static Forms urlEncoded(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.putIfAbsent(name, value);
    }
    return new Forms(fields);
  }

  /** The fields of a request's body, by its content type: URL-encoded or {@code multipart/form-data}. */
  static Forms body(WebRequest request) {
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      return multipart(request.body(), boundary(request.header("Content-Type").orElse("")));
    }
    if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
      return urlEncoded(request.body());
    }
    return new Forms(Map.of());
  }

  /** The cookies a request carries in its {@code Cookie} headers. */
  static Forms cookies(WebRequest request) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : request.headers().getOrDefault("cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(
              pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return new Forms(cookies);
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }

  private static Optional<String> boundary(String contentType) {
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = trimmed.substring("boundary=".length());
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The plain fields of a {@code multipart/form-data} body (RFC 7578); files are ignored. */
  private static Forms multipart(String body, Optional<String> boundary) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (boundary.isEmpty()) {
      return new Forms(fields);
    }
    String[] parts = body.split("--" + Pattern.quote(boundary.get()), -1);
    for (String part : parts) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String head = part.substring(0, split);
      String raw = part.substring(split + 4);
      String value = raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2) : raw;
      fieldName(head).ifPresent(name -> fields.putIfAbsent(name, value));
    }
    return new Forms(fields);
  }

  private static Optional<String> fieldName(String head) {
    for (String line : head.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")
          || line.contains("filename=")) {
        continue;
      }
      int at = line.indexOf("name=\"");
      if (at >= 0) {
        int end = line.indexOf('"', at + 6);
        if (end > at) {
          return Optional.of(line.substring(at + 6, end));
        }
      }
    }
    return Optional.empty();
  }
}
