package dev.winback.mail;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
  /** Plain text, for a relay on the same host or a test server only: credentials and messages travel unencrypted. */
  NONE(25),
  /**
   * Connects in plain text and upgrades with {@code STARTTLS} before anything else is said; a server that does not
   * offer it is not sent to. The server's certificate and host name are checked.
   */
  STARTTLS(587),
  /** TLS from the first byte (SMTPS). The server's certificate and host name are checked. */
  IMPLICIT_TLS(465);

  private final int defaultPort;

  SmtpSecurity(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /**
   * The port used unless another is set: 25, 587 or 465.
   *
   * @return the port
   */
  public int defaultPort() {
    return defaultPort;
  }
}
