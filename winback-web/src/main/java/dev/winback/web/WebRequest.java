package dev.winback.web;

import dev.winback.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the customer pages need it, whatever server received it: the method, the path, the raw query
 * string, the headers and the body. An adapter builds one per request and passes at most
 * {@link CustomerPages#maxBodyBytes()} plus one bytes of the body (the pages refuse anything longer). Immutable.
 */
public final class WebRequest {
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;

  private WebRequest(Builder builder) {
    this.method =
        builder.method.orElseThrow(() -> new ConfigurationException("method is required"));
    this.path = builder.path.orElseThrow(() -> new ConfigurationException("path is required"));
    this.query = builder.query.orElse("");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = builder.body.orElse("");
  }

  /**
   * Starts building a request.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The method, in upper case ({@code GET}, {@code POST}).
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The path, not decoded, without the query string.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The raw query string, without the {@code ?}; empty when there is none.
   *
   * @return the query
   */
  public String query() {
    return query;
  }

  /**
   * Every header, by name in lower case.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return its first value, empty when it was not sent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    return values.stream().findFirst();
  }

  /**
   * The body as text (UTF-8), empty when there is none.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  @Override
  public String toString() {
    // no query or body: the link's token and the customer's words stay out of logs
    return "WebRequest[" + method + " " + path + "]";
  }

  /** Builds a {@link WebRequest}; each part is set once, headers as often as they were sent. Not thread-safe. */
  public static final class Builder {
    private Optional<String> method = Optional.empty();
    private Optional<String> path = Optional.empty();
    private Optional<String> query = Optional.empty();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private Optional<String> body = Optional.empty();

    private Builder() {}

    /**
     * Sets the method.
     *
     * @param method the method, e.g. {@code GET}
     * @return this builder
     * @throws ConfigurationException when it was set already
     */
    public Builder method(String method) {
      this.method = once(this.method, method.toUpperCase(Locale.ROOT), "method");
      return this;
    }

    /**
     * Sets the path.
     *
     * @param path the path as received, starting with {@code /}
     * @return this builder
     * @throws ConfigurationException when it does not start with {@code /} or was set already
     */
    public Builder path(String path) {
      if (!path.startsWith("/")) {
        throw new ConfigurationException("path must start with '/': " + path);
      }
      this.path = once(this.path, path, "path");
      return this;
    }

    /**
     * Sets the raw query string.
     *
     * @param query the query, without the {@code ?}
     * @return this builder
     * @throws ConfigurationException when it was set already
     */
    public Builder query(String query) {
      this.query = once(this.query, query, "query");
      return this;
    }

    /**
     * Adds a header's value; call again for each value of a header sent more than once.
     *
     * @param name the header's name, in any case
     * @param value its value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(value, "value");
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(value);
      return this;
    }

    /**
     * Sets the body.
     *
     * @param body the body as text (UTF-8)
     * @return this builder
     * @throws ConfigurationException when it was set already
     */
    public Builder body(String body) {
      this.body = once(this.body, body, "body");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws ConfigurationException when the method or the path is missing
     */
    public WebRequest build() {
      return new WebRequest(this);
    }

    private static Optional<String> once(Optional<String> current, String value, String what) {
      Objects.requireNonNull(value, what);
      if (current.isPresent()) {
        throw new ConfigurationException(what + " is already set to " + current.get());
      }
      return Optional.of(value);
    }
  }
}
