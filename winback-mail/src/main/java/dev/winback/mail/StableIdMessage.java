package dev.winback.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose {@code Message-ID} is given rather than made up when it is saved, so that sending the same
 * step again produces the same message. Not thread-safe, like every {@link MimeMessage}.
 */
final class StableIdMessage extends MimeMessage {
  private final String messageId;

  StableIdMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
