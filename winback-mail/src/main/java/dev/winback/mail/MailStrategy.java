package dev.winback.mail;

import dev.winback.message.ComposedMessage;
import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends each step as an e-mail over SMTP with Jakarta Mail (Eclipse Angus): the message its
 * {@link dev.winback.message.MessageComposer} composes, as {@code multipart/alternative} plain text and HTML in
 * UTF-8. Register one instance as every strategy of an engine:
 *
 * <pre>{@code
 * MailStrategy mail = MailStrategy.builder()
 *     .host("smtp.example.com").credentials("winback", secret)
 *     .from("hello@example.com", "Example").composer(composer).build();
 * WinBack.builder().feedback(mail).apology(mail).incentives(mail).reEngagement(mail)...
 * }</pre>
 *
 * <p>Each message carries:
 *
 * <ul>
 *   <li>a {@code Message-ID} derived from the step's idempotency key, so that a step sent again after a crash is the
 *       same message; the step's result references it, and nothing else about the message;
 *   <li>{@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058) when it has
 *       an HTTPS unsubscribe link; a marketing message without one is not sent (skipped);
 *   <li>the step's time as its {@code Date}, and the customer's language as its {@code Content-Language}.
 * </ul>
 *
 * <p>Outcomes: a step on another channel than e-mail, a customer without an e-mail address, or an address the
 * server refuses for good (a 5xx reply to {@code RCPT TO}) is skipped with a reason; a server that cannot be
 * reached, does not answer within the timeouts, or answers 4xx fails the step, to be retried. At most
 * {@link MailStrategyBuilder#maxConnections(int) maxConnections} SMTP connections are open at once; a send that
 * finds none free within the {@link MailStrategyBuilder#connectionWait connection wait} fails too. Nothing is
 * logged: no address, name or text of a message leaves it but to the SMTP server.
 *
 * <p>Immutable and thread-safe; each send opens and closes its own connection.
 */
public final class MailStrategy
    implements FeedbackStrategy, ApologyStrategy, IncentiveStrategy, ReEngagementStrategy {
  private final MailSettings settings;
  private final Session session;
  private final Semaphore connections;

  MailStrategy(MailSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(settings.sessionProperties());
    this.connections = new Semaphore(settings.maxConnections(), true);
  }

  /**
   * Starts configuring an e-mail strategy.
   *
   * @return a new builder
   */
  public static MailStrategyBuilder builder() {
    return new MailStrategyBuilder();
  }

  /**
   * Sends a feedback request (or the thanks for feedback) as an e-mail.
   *
   * @param context the step
   * @return sent with the Message-ID, skipped or failed as the class describes
   */
  @Override
  public StepResult requestFeedback(StepContext context) {
    return send(context);
  }

  /**
   * Sends an apology as an e-mail.
   *
   * @param context the step
   * @return sent with the Message-ID, skipped or failed as the class describes
   */
  @Override
  public StepResult apologise(StepContext context) {
    return send(context);
  }

  /**
   * Sends an incentive offer as an e-mail.
   *
   * @param context the step
   * @return sent with the Message-ID, skipped or failed as the class describes
   */
  @Override
  public StepResult offerIncentive(StepContext context) {
    return send(context);
  }

  /**
   * Sends a re-engagement, follow-up, thank-you, second-chance or goodbye message as an e-mail.
   *
   * @param context the step
   * @return sent with the Message-ID, skipped or failed as the class describes
   */
  @Override
  public StepResult reEngage(StepContext context) {
    return send(context);
  }

  /**
   * The Message-ID a step's e-mail carries: the same for every attempt of the step.
   *
   * @param context the step
   * @return the Message-ID, angle brackets included
   */
  public String messageId(StepContext context) {
    return MessageIds.of(context.idempotencyKey(), settings.senderDomain());
  }

  private StepResult send(StepContext context) {
    if (context.step().channel() != Channel.EMAIL) {
      return StepResult.skipped(
          "the step goes out by " + context.step().channel() + ", not by e-mail");
    }
    Optional<ContactPoint> contact = context.customer().contactPoint(Channel.EMAIL);
    if (contact.isEmpty()) {
      return StepResult.skipped("the customer has no e-mail address");
    }
    InternetAddress recipient;
    try {
      recipient = new InternetAddress(contact.get().address(), true);
    } catch (AddressException e) {
      return StepResult.skipped("the customer's e-mail address is not valid");
    }
    ComposedMessage composed = settings.composer().compose(context);
    Optional<String> unsubscribe = composed
        .unsubscribeLink()
        .or(() -> context.links().unsubscribe())
        .filter(MailStrategy::isHttps);
    if (composed.marketing() && unsubscribe.isEmpty()) {
      return StepResult.skipped(
          "a marketing message needs an HTTPS unsubscribe link, and this one has none");
    }
    String messageId = messageId(context);
    StableIdMessage message;
    try {
      message = message(context, composed, recipient, unsubscribe, messageId);
    } catch (MessagingException | UnsupportedEncodingException e) {
      return StepResult.failed(
          "the message could not be put together (" + e.getClass().getSimpleName() + ")");
    }
    return transmit(message, messageId);
  }

  private static boolean isHttps(String link) {
    return link.regionMatches(true, 0, "https://", 0, 8)
        && !link.contains(">")
        && !link.contains("\n");
  }

  private StableIdMessage message(
      StepContext context,
      ComposedMessage composed,
      InternetAddress recipient,
      Optional<String> unsubscribe,
      String messageId)
      throws MessagingException, UnsupportedEncodingException {
    StableIdMessage message = new StableIdMessage(session, messageId);
    message.setFrom(settings.from());
    if (settings.replyTo().isPresent()) {
      message.setReplyTo(new InternetAddress[] {settings.replyTo().get()});
    }
    String name = context.customer().displayName();
    message.setRecipient(
        Message.RecipientType.TO,
        name.isBlank() ? recipient : new InternetAddress(recipient.getAddress(), name, "UTF-8"));
    message.setSubject(composed.subject(), "UTF-8");
    message.setSentDate(Date.from(context.now()));
    if (!composed.locale().equals(Locale.ROOT)) {
      message.setContentLanguage(new String[] {composed.locale().toLanguageTag()});
    }
    if (unsubscribe.isPresent()) {
      message.setHeader("List-Unsubscribe", "<" + unsubscribe.get() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(composed.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(composed.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  private StepResult transmit(StableIdMessage message, String messageId) {
    try {
      if (!connections.tryAcquire(settings.connectionWait().toMillis(), TimeUnit.MILLISECONDS)) {
        return StepResult.failed("all " + settings.maxConnections()
            + " SMTP connections stayed busy for " + settings.connectionWait());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StepResult.failed("interrupted while waiting for an SMTP connection");
    }
    try {
      return deliver(message, messageId);
    } finally {
      connections.release();
    }
  }

  private StepResult deliver(StableIdMessage message, String messageId) {
    Transport transport;
    try {
      transport = session.getTransport(settings.protocol());
      transport.connect(
          settings.host(),
          settings.port(),
          settings.username().orElse(null),
          settings.password().orElse(null));
    } catch (MessagingException e) {
      return SmtpFailures.classify(e);
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      return SmtpFailures.classify(e);
    } finally {
      closeQuietly(transport);
    }
    return StepResult.sent(messageId);
  }

  /** Says goodbye to the server; once the message is accepted, a failure to close changes nothing about it. */
  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // the message was accepted or the send failed already: either way, there is nothing more to
      // do
    }
  }

  /**
   * The configuration: server, security, sender, timeouts and connections; the password is never shown.
   *
   * @return the configuration
   */
  @Override
  public String toString() {
    return settings.toString();
  }
}
