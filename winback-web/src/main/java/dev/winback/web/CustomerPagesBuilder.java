package dev.winback.web;

import dev.winback.ConfigurationException;
import dev.winback.CustomerLinks;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds {@link CustomerPages}: every option once, checked at once. Not thread-safe. */
public final class CustomerPagesBuilder {
  private static final Pattern BASE_PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]+)+");

  private @Nullable CustomerLinks links;
  private @Nullable String basePath;
  private @Nullable Clock clock;
  private byte @Nullable [] csrfSecret;

  CustomerPagesBuilder() {}

  /**
   * Sets what answers the links: {@link dev.winback.WinBack#links()}.
   *
   * @param links the engine's links
   * @return this builder
   * @throws ConfigurationException when set already
   */
  public CustomerPagesBuilder links(CustomerLinks links) {
    this.links = once(this.links, links, "links");
    return this;
  }

  /**
   * Sets the path the pages are under, e.g. {@code /customer}, or {@code /} for the root.
   *
   * @param basePath the path, without a trailing slash
   * @return this builder
   * @throws ConfigurationException when it is not a plain path or was set already
   */
  public CustomerPagesBuilder basePath(String basePath) {
    if (!BASE_PATH.matcher(basePath).matches()) {
      throw new ConfigurationException(
          "basePath must be '/' or segments of letters, digits, '.', '_', '~' or '-' after a '/' and no trailing"
              + " '/': " + basePath);
    }
    this.basePath = once(this.basePath, basePath, "basePath");
    return this;
  }

  /**
   * Sets the clock that stamps the survey's answers and the forms' age; the system's UTC clock unless set.
   *
   * @param clock the clock
   * @return this builder
   * @throws ConfigurationException when set already
   */
  public CustomerPagesBuilder clock(Clock clock) {
    this.clock = once(this.clock, clock, "clock");
    return this;
  }

  /**
   * Sets the secret the forms' tokens are signed with: at least 32 random bytes, kept like a password and the
   * same on every node serving the pages.
   *
   * @param secret the secret; copied
   * @return this builder
   * @throws ConfigurationException when shorter than 32 bytes or set already
   */
  public CustomerPagesBuilder csrfSecret(byte[] secret) {
    if (secret.length < 32) {
      throw new ConfigurationException(
          "csrfSecret must be at least 32 bytes, got " + secret.length);
    }
    if (this.csrfSecret != null) {
      throw new ConfigurationException("csrfSecret is already set");
    }
    this.csrfSecret = secret.clone();
    return this;
  }

  /**
   * Builds the pages.
   *
   * @return the pages
   * @throws ConfigurationException when the links, the base path or the secret are missing
   */
  public CustomerPages build() {
    if (links == null || basePath == null || csrfSecret == null) {
      throw new ConfigurationException("links, basePath and csrfSecret are required");
    }
    return new CustomerPages(
        LinkDesk.of(links), basePath, clock == null ? Clock.systemUTC() : clock, csrfSecret);
  }

  private static <T> T once(@Nullable T current, T value, String option) {
    Objects.requireNonNull(value, option);
    if (current != null) {
      throw new ConfigurationException(option + " is already set to " + current);
    }
    return value;
  }
}
