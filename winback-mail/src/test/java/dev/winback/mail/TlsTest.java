package dev.winback.mail;

import static dev.winback.mail.Steps.step;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.winback.model.Channel;
import dev.winback.model.StepKind;
import dev.winback.spi.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS is really spoken and the server's certificate really checked: GreenMail's self-signed test certificate is
 * trusted by no one, so nothing is handed over to it.
 */
class TlsTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(new ServerSetup[] {GreenMailSetups.smtp(), GreenMailSetups.smtps()});

  private static StepResult sendWith(SmtpSecurity security, int port) {
    return MailStrategy.builder()
        .host("127.0.0.1")
        .port(port)
        .security(security)
        .from("hello@shop.example", "Shop")
        .composer(TestComposer.service())
        .build()
        .reEngage(step(lost("erik").build(), 0, StepKind.RE_ENGAGEMENT, Channel.EMAIL));
  }

  @Test
  void implicitTlsRefusesAServerWhoseCertificateIsNotTrusted() {
    StepResult result =
        sendWith(SmtpSecurity.IMPLICIT_TLS, GREEN_MAIL.getSmtps().getPort());

    assertThat(result)
        .isEqualTo(StepResult.failed("the TLS handshake with the SMTP server failed"));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void implicitTlsIsNotPlainTextSpokenToAPlainServer() {
    StepResult result = sendWith(SmtpSecurity.IMPLICIT_TLS, GREEN_MAIL.getSmtp().getPort());

    assertThat(result)
        .isEqualTo(StepResult.failed("the TLS handshake with the SMTP server failed"));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }
}
