package dev.winback.mail;

import dev.winback.message.MessageComposer;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** A {@link MailStrategy}'s configuration, checked by its builder. Immutable once built. */
record MailSettings(
    String host,
    int port,
    SmtpSecurity security,
    Optional<String> username,
    Optional<String> password,
    InternetAddress from,
    Optional<InternetAddress> replyTo,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    int maxConnections,
    Duration connectionWait,
    MessageComposer composer) {

  /** The Jakarta Mail protocol name: {@code smtps} for implicit TLS, else {@code smtp}. */
  String protocol() {
    return security == SmtpSecurity.IMPLICIT_TLS ? "smtps" : "smtp";
  }

  /** The domain of the sender's address, which ends every Message-ID. */
  String senderDomain() {
    String address = from.getAddress();
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** The Jakarta Mail session properties: host, port, timeouts, TLS and authentication; never the password. */
  Properties sessionProperties() {
    String p = "mail." + protocol() + ".";
    Properties properties = new Properties();
    properties.setProperty(p + "host", host);
    properties.setProperty(p + "port", Integer.toString(port));
    properties.setProperty(p + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
    properties.setProperty(p + "timeout", Long.toString(readTimeout.toMillis()));
    properties.setProperty(p + "writetimeout", Long.toString(writeTimeout.toMillis()));
    properties.setProperty(p + "auth", Boolean.toString(username.isPresent()));
    if (security == SmtpSecurity.STARTTLS) {
      properties.setProperty(p + "starttls.enable", "true");
      properties.setProperty(p + "starttls.required", "true");
    }
    if (security != SmtpSecurity.NONE) {
      properties.setProperty(p + "ssl.checkserveridentity", "true");
    }
    return properties;
  }

  @Override
  public String toString() {
    return "MailStrategy[" + protocol() + "://" + host + ":" + port
        + ", security=" + security
        + ", user=" + username.map(u -> u + " (password hidden)").orElse("none")
        + ", from=" + from
        + replyTo.map(r -> ", replyTo=" + r).orElse("")
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", writeTimeout=" + writeTimeout
        + ", maxConnections=" + maxConnections
        + ", connectionWait=" + connectionWait
        + ", composer=" + composer.getClass().getName() + "]";
  }
}
