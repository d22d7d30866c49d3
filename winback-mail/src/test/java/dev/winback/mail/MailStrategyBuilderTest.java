package dev.winback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder is strict: every option once, every argument checked at once, the required ones asked for. */
class MailStrategyBuilderTest {

  private static MailStrategyBuilder complete() {
    return MailStrategy.builder()
        .host("smtp.shop.example")
        .from("hello@shop.example", "Shop")
        .composer(TestComposer.service());
  }

  @Test
  void printsItsConfigurationWithoutThePassword() {
    MailStrategy mail = complete().credentials("winback", "s3cret-Pa55").build();

    assertThat(mail.toString())
        .contains(
            "smtp://smtp.shop.example:587", "security=STARTTLS", "user=winback (password hidden)")
        .contains(
            "connectTimeout=PT10S", "readTimeout=PT10S", "writeTimeout=PT10S", "maxConnections=4")
        .doesNotContain("s3cret-Pa55");
  }

  @Test
  void defaultsToRequiredStartTlsOnThePortOfTheChosenSecurity() {
    assertThat(complete().build().toString())
        .contains("smtp://smtp.shop.example:587", "security=STARTTLS");
    assertThat(complete().security(SmtpSecurity.IMPLICIT_TLS).build().toString())
        .contains("smtps://smtp.shop.example:465");
    assertThat(complete().security(SmtpSecurity.NONE).port(2525).build().toString())
        .contains("smtp://smtp.shop.example:2525", "security=NONE");
  }

  @Test
  void anOptionSetTwiceFails() {
    assertThatThrownBy(() -> complete().host("other.example"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("SMTP host is already set to smtp.shop.example");
    assertThatThrownBy(() -> complete().maxConnections(2).maxConnections(3))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("maximum SMTP connections is already set to 2");
    assertThatThrownBy(
            () -> complete().credentials("a", "first-secret").credentials("b", "second-secret"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("SMTP credentials are already set for user a");
  }

  @Test
  void aMissingHostSenderOrComposerFailsTheBuild() {
    assertThatThrownBy(() -> MailStrategy.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("a MailStrategy needs host(...) from(...) composer(...) to be set");
    assertThatThrownBy(() ->
            MailStrategy.builder().host("h").composer(TestComposer.service()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("a MailStrategy needs from(...) to be set");
  }

  @Test
  void checksEachArgumentAtOnce() {
    assertThatThrownBy(() -> MailStrategy.builder().host(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the SMTP host must not be blank");
    assertThatThrownBy(() -> MailStrategy.builder().port(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an SMTP port is 1 to 65535: 0");
    assertThatThrownBy(() -> MailStrategy.builder().from("not an address", "Shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the sender address is not a valid e-mail address");
    assertThatThrownBy(() -> MailStrategy.builder().from("hello@shop.example", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sender's name must not be blank");
    assertThatThrownBy(() -> MailStrategy.builder().replyTo("Care <care@shop.example>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the reply-to address is not a valid e-mail address");
    assertThatThrownBy(() -> MailStrategy.builder().credentials("user", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP credentials need a user name and a password");
    assertThatThrownBy(() -> MailStrategy.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the read timeout must be positive");
    assertThatThrownBy(() -> MailStrategy.builder().maxConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at most 1 to 64 SMTP connections: 0");
    assertThatThrownBy(() -> MailStrategy.builder().connectionWait(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the connection wait must be positive");
  }

  @Test
  void messageIdsAreBase32OfTheKeysHash() {
    assertThat(MessageIds.base32(new byte[] {'f', 'o', 'o', 'b', 'a', 'r'}))
        .isEqualTo("mzxw6ytboi");
    assertThat(MessageIds.of("plan#0", "shop.example"))
        .isEqualTo(MessageIds.of("plan#0", "shop.example"))
        .matches("<[a-z2-7]{52}@shop\\.example>");
  }
}
