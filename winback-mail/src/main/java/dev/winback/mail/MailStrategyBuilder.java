package dev.winback.mail;

import dev.winback.ConfigurationException;
import dev.winback.message.MessageComposer;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link MailStrategy}; get one from {@link MailStrategy#builder()}. Each option may be set once (a
 * second call fails with a {@link ConfigurationException}); each argument is checked at once. The SMTP host, the
 * sender and the composer are required. Not thread-safe.
 */
public final class MailStrategyBuilder {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final int DEFAULT_MAX_CONNECTIONS = 4;
  private static final int MAX_CONNECTIONS = 64;

  private @Nullable String host;
  private @Nullable Integer port;
  private @Nullable SmtpSecurity security;
  private @Nullable String username;
  private @Nullable String password;
  private @Nullable InternetAddress from;
  private @Nullable InternetAddress replyTo;
  private @Nullable Duration connectTimeout;
  private @Nullable Duration readTimeout;
  private @Nullable Duration writeTimeout;
  private @Nullable Integer maxConnections;
  private @Nullable Duration connectionWait;
  private @Nullable MessageComposer composer;

  MailStrategyBuilder() {}

  private static <T> T once(@Nullable T current, T value, String option) {
    Objects.requireNonNull(value, option);
    if (current != null) {
      throw new ConfigurationException(option + " is already set to " + current);
    }
    return value;
  }

  private static Duration positive(Duration duration, String option) {
    if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the " + option + " must be positive and at most "
          + Integer.MAX_VALUE + " ms: " + duration);
    }
    return duration;
  }

  /**
   * Sets the SMTP server's host name or address. Required.
   *
   * @param host the host, not blank
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when blank
   */
  public MailStrategyBuilder host(String host) {
    if (host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host must not be blank");
    }
    this.host = once(this.host, host.strip(), "SMTP host");
    return this;
  }

  /**
   * Sets the SMTP server's port; the {@linkplain SmtpSecurity#defaultPort() security's usual port} unless set.
   *
   * @param port the port, 1 to 65535
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when out of range
   */
  public MailStrategyBuilder port(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("an SMTP port is 1 to 65535: " + port);
    }
    this.port = once(this.port, port, "SMTP port");
    return this;
  }

  /**
   * Sets how the connection is protected; {@link SmtpSecurity#STARTTLS} (required, certificate checked) unless set.
   *
   * @param security the protection
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public MailStrategyBuilder security(SmtpSecurity security) {
    this.security = once(this.security, security, "SMTP security");
    return this;
  }

  /**
   * Sets the credentials to log in with (SMTP AUTH); none unless set. The password is never printed.
   *
   * @param username the user name, not blank
   * @param password the password, not empty
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when the user name is blank or the password empty
   */
  public MailStrategyBuilder credentials(String username, String password) {
    Objects.requireNonNull(password, "password");
    if (username.isBlank() || password.isEmpty()) {
      throw new IllegalArgumentException("SMTP credentials need a user name and a password");
    }
    if (this.username != null) {
      throw new ConfigurationException(
          "SMTP credentials are already set for user " + this.username);
    }
    this.username = username;
    this.password = password;
    return this;
  }

  /**
   * Sets the sender: the address and name the customer sees in {@code From}, whose domain also ends every
   * {@code Message-ID}. Required.
   *
   * @param address the sender's e-mail address
   * @param name the sender's name, e.g. the brand
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when the address is not a valid e-mail address or the name is blank
   */
  public MailStrategyBuilder from(String address, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the sender's name must not be blank");
    }
    InternetAddress sender = parse(address, "sender");
    try {
      sender.setPersonal(name, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    this.from = once(this.from, sender, "sender");
    return this;
  }

  /**
   * Sets the address the customer's replies go to; the sender's unless set.
   *
   * @param address an e-mail address
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when it is not a valid e-mail address
   */
  public MailStrategyBuilder replyTo(String address) {
    this.replyTo = once(this.replyTo, parse(address, "reply-to"), "reply-to address");
    return this;
  }

  private static InternetAddress parse(String address, String what) {
    Objects.requireNonNull(address, what);
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (parsed.getAddress().indexOf('@') < 1 || parsed.getPersonal() != null) {
        throw new AddressException("not a plain address with a domain");
      }
      return parsed;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "the " + what + " address is not a valid e-mail address: " + address, e);
    }
  }

  /**
   * Sets how long connecting to the server may take; 10 seconds unless set.
   *
   * @param timeout the timeout, positive
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when not positive
   */
  public MailStrategyBuilder connectTimeout(Duration timeout) {
    this.connectTimeout =
        once(this.connectTimeout, positive(timeout, "connect timeout"), "connect timeout");
    return this;
  }

  /**
   * Sets how long the server may take to answer any command; 10 seconds unless set.
   *
   * @param timeout the timeout, positive
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when not positive
   */
  public MailStrategyBuilder readTimeout(Duration timeout) {
    this.readTimeout = once(this.readTimeout, positive(timeout, "read timeout"), "read timeout");
    return this;
  }

  /**
   * Sets how long writing to the server may block; 10 seconds unless set.
   *
   * @param timeout the timeout, positive
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when not positive
   */
  public MailStrategyBuilder writeTimeout(Duration timeout) {
    this.writeTimeout =
        once(this.writeTimeout, positive(timeout, "write timeout"), "write timeout");
    return this;
  }

  /**
   * Sets how many SMTP connections may be open at once, across all threads; 4 unless set. A send that finds them
   * all busy waits up to the {@link #connectionWait(Duration) connection wait}.
   *
   * @param connections 1 to 64
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when out of range
   */
  public MailStrategyBuilder maxConnections(int connections) {
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "at most 1 to " + MAX_CONNECTIONS + " SMTP connections: " + connections);
    }
    this.maxConnections = once(this.maxConnections, connections, "maximum SMTP connections");
    return this;
  }

  /**
   * Sets how long a send waits for a free connection before its step fails (to be retried); 10 seconds unless set.
   *
   * @param wait the wait, positive
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when not positive
   */
  public MailStrategyBuilder connectionWait(Duration wait) {
    this.connectionWait =
        once(this.connectionWait, positive(wait, "connection wait"), "connection wait");
    return this;
  }

  /**
   * Sets what composes each message (subject, plain text, HTML) from its step. Required.
   *
   * @param composer the composer, thread-safe
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public MailStrategyBuilder composer(MessageComposer composer) {
    this.composer = once(this.composer, composer, "message composer");
    return this;
  }

  /**
   * Builds the strategy. Nothing is connected yet: each send connects.
   *
   * @return the strategy, immutable and thread-safe
   * @throws ConfigurationException when the host, the sender or the composer is missing
   */
  public MailStrategy build() {
    if (host == null || from == null || composer == null) {
      throw new ConfigurationException("a MailStrategy needs "
          + (host == null ? "host(...) " : "")
          + (from == null ? "from(...) " : "")
          + (composer == null ? "composer(...) " : "")
          + "to be set");
    }
    SmtpSecurity chosen = security != null ? security : SmtpSecurity.STARTTLS;
    return new MailStrategy(new MailSettings(
        host,
        port != null ? port : chosen.defaultPort(),
        chosen,
        Optional.ofNullable(username),
        Optional.ofNullable(password),
        from,
        Optional.ofNullable(replyTo),
        connectTimeout != null ? connectTimeout : DEFAULT_TIMEOUT,
        readTimeout != null ? readTimeout : DEFAULT_TIMEOUT,
        writeTimeout != null ? writeTimeout : DEFAULT_TIMEOUT,
        maxConnections != null ? maxConnections : DEFAULT_MAX_CONNECTIONS,
        connectionWait != null ? connectionWait : DEFAULT_TIMEOUT,
        composer));
  }
}
