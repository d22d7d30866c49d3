package dev.winback.mail;

import static dev.winback.mail.Steps.NOW;
import static dev.winback.mail.Steps.UNSUBSCRIBE;
import static dev.winback.mail.Steps.step;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.winback.model.Channel;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What arrives at a real SMTP server (GreenMail, in-process), parsed back and checked. */
class MailMessageTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(GreenMailSetups.smtp());

  private static final LostCustomer ANNA =
      lost("anna").displayName("Anna Müller").build();

  private static MailStrategy strategy(TestComposer composer) {
    return MailStrategy.builder()
        .host("127.0.0.1")
        .port(GREEN_MAIL.getSmtp().getPort())
        .security(SmtpSecurity.NONE)
        .from("hello@shop.example", "Schuhhaus Größe")
        .replyTo("care@shop.example")
        .composer(composer)
        .build();
  }

  private static MimeMessage onlyReceived() {
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  @Test
  void sendsPlainTextAndHtmlAsAlternativesInUtf8() throws Exception {
    StepResult result = strategy(TestComposer.service())
        .requestFeedback(step(ANNA, 0, StepKind.FEEDBACK_REQUEST, Channel.EMAIL));

    assertThat(result).isInstanceOf(StepResult.Sent.class);
    MimeMessage message = onlyReceived();
    assertThat(message.isMimeType("multipart/alternative")).isTrue();
    MimeMultipart alternatives = (MimeMultipart) message.getContent();
    assertThat(alternatives.getCount()).isEqualTo(2);
    assertThat(alternatives.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(alternatives.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .as("the text, with the line ends SMTP gives it")
        .isEqualTo(TestComposer.TEXT + "\nAbmelden: " + UNSUBSCRIBE);
    assertThat(alternatives.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(alternatives.getBodyPart(1).getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo(TestComposer.HTML);
  }

  @Test
  void encodesANonAsciiSubjectSoThatItReadsBackTheSame() throws Exception {
    strategy(TestComposer.service()).apologise(step(ANNA, 0, StepKind.APOLOGY, Channel.EMAIL));

    MimeMessage message = onlyReceived();
    assertThat(message.getSubject()).isEqualTo(TestComposer.SUBJECT);
    String raw = message.getHeader("Subject", null);
    assertThat(raw)
        .as("the header itself is ASCII, encoded per RFC 2047")
        .matches("[\\x20-\\x7e\\r\\n\\t]+");
    assertThat(MimeUtility.unfold(raw)).startsWith("=?UTF-8?");
  }

  @Test
  void addressesTheCustomerFromTheSenderWithRepliesToCare() throws Exception {
    strategy(TestComposer.service()).reEngage(step(ANNA, 0, StepKind.RE_ENGAGEMENT, Channel.EMAIL));

    MimeMessage message = onlyReceived();
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("hello@shop.example");
    assertThat(from.getPersonal()).isEqualTo("Schuhhaus Größe");
    Address[] to = message.getRecipients(Message.RecipientType.TO);
    assertThat(to).hasSize(1);
    assertThat(((InternetAddress) to[0]).getAddress()).isEqualTo("anna@example.com");
    assertThat(((InternetAddress) to[0]).getPersonal()).isEqualTo("Anna Müller");
    assertThat(Arrays.stream(message.getReplyTo()).map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly("care@shop.example");
    assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(message.getContentLanguage()).containsExactly("de-DE");
  }

  @Test
  void offersOneClickUnsubscribePerRfc8058() throws Exception {
    strategy(TestComposer.marketing())
        .offerIncentive(step(ANNA, 0, StepKind.INCENTIVE_OFFER, Channel.EMAIL));

    MimeMessage message = onlyReceived();
    assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + UNSUBSCRIBE + ">");
    assertThat(message.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
  }

  @Test
  void aServiceMessageWithoutAnUnsubscribeLinkGoesOutWithoutTheHeaders() throws Exception {
    StepResult result = strategy(TestComposer.service())
        .requestFeedback(
            step(ANNA, 0, StepKind.FEEDBACK_REQUEST, Channel.EMAIL, MessageLinks.none()));

    assertThat(result).isInstanceOf(StepResult.Sent.class);
    MimeMessage message = onlyReceived();
    assertThat(message.getHeader("List-Unsubscribe")).isNull();
    assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
  }

  @Test
  void aMarketingMessageWithoutAnHttpsUnsubscribeLinkIsNotSent() {
    MailStrategy mail = strategy(TestComposer.marketing());

    StepResult none = mail.offerIncentive(
        step(ANNA, 0, StepKind.INCENTIVE_OFFER, Channel.EMAIL, MessageLinks.none()));
    StepResult plain = mail.offerIncentive(step(
        ANNA,
        1,
        StepKind.INCENTIVE_OFFER,
        Channel.EMAIL,
        Steps.links("http://shop.example/unsubscribe?t=1")));

    assertThat(List.of(none, plain))
        .containsOnly(StepResult.skipped(
            "a marketing message needs an HTTPS unsubscribe link, and this one has none"));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void theMessageIdComesFromTheStepAndIsItsReference() throws Exception {
    MailStrategy mail = strategy(TestComposer.service());
    StepContext context = step(ANNA, 0, StepKind.FEEDBACK_REQUEST, Channel.EMAIL);

    StepResult result = mail.requestFeedback(context);

    String messageId = onlyReceived().getMessageID();
    assertThat(messageId)
        .matches("<[a-z2-7]{52}@shop\\.example>")
        .isEqualTo(mail.messageId(context));
    assertThat(result).isEqualTo(StepResult.sent(messageId));
    assertThat(messageId).as("no personal data in the reference").doesNotContain("anna");
  }

  @Test
  void aStepSentAgainIsTheSameMessageAndAnotherStepIsAnotherMessage() throws Exception {
    MailStrategy mail = strategy(TestComposer.service());
    StepContext first = step(ANNA, 0, StepKind.FEEDBACK_REQUEST, Channel.EMAIL);
    StepContext other = step(ANNA, 1, StepKind.THANK_YOU, Channel.EMAIL);

    mail.requestFeedback(first);
    mail.requestFeedback(Steps.retry(first));
    mail.reEngage(other);

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
    assertThat(MessageIds.of("plan-a#0", "x.example"))
        .isNotEqualTo(MessageIds.of("plan-b#0", "x.example"));
  }

  @Test
  void aCustomerWithoutAnEmailAddressIsSkipped() {
    LostCustomer byPhone = lost("bob")
        .contactPoints(List.of(dev.winback.model.ContactPoint.of(
            Channel.PHONE, "+49 30 1234567", dev.winback.model.Consent.GRANTED)))
        .build();
    TestComposer composer = TestComposer.service();

    StepResult result =
        strategy(composer).apologise(step(byPhone, 0, StepKind.APOLOGY, Channel.EMAIL));

    assertThat(result).isEqualTo(StepResult.skipped("the customer has no e-mail address"));
    assertThat(composer.calls()).isZero();
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aStepOnAnotherChannelIsLeftAlone() {
    StepResult result = strategy(TestComposer.service())
        .reEngage(step(ANNA, 0, StepKind.RE_ENGAGEMENT, Channel.SMS));

    assertThat(result).isEqualTo(StepResult.skipped("the step goes out by SMS, not by e-mail"));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }
}
