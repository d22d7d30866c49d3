package dev.winback.mail;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way round: an engine sends its steps through the mail strategy to a real SMTP server (GreenMail); the
 * {@code List-Unsubscribe} link in the message that arrives is answered, and nothing more is sent.
 */
class UnsubscribeRoundTripTest {
  private static final Pattern ONE_CLICK =
      Pattern.compile("<https://shop\\.example/winback/unsubscribe\\?token=([^>]+)>");
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .build();

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(GreenMailSetups.smtp());

  private final ManualClock clock = ManualClock.at(LOST_AT);

  private WinBack engine() {
    MailStrategy mail = MailStrategy.builder()
        .host("127.0.0.1")
        .port(GREEN_MAIL.getSmtp().getPort())
        .security(SmtpSecurity.NONE)
        .from("hello@shop.example", "Shop")
        .composer(TestComposer.marketing())
        .build();
    return WinBack.builder()
        .clock(clock)
        .defaultZone(java.time.ZoneOffset.UTC)
        .store(PlanStore.inMemory())
        .reactivationTokens(TOKENS)
        .customerPages(URI.create("https://shop.example/winback"))
        .feedback(mail)
        .apology(mail)
        .incentives(mail)
        .reEngagement(mail)
        .build();
  }

  /** Runs due steps every six hours of the manual clock until the condition holds or the days are over. */
  private void runUntil(WinBack winBack, BooleanSupplier condition, int days) {
    for (int hour = 0; hour <= days * 24 && !condition.getAsBoolean(); hour += 6) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
  }

  private static int received() {
    return GREEN_MAIL.getReceivedMessages().length;
  }

  @Test
  void theUnsubscribeLinkOfAReceivedMessageOptsTheCustomerOutAndNothingMoreIsSent()
      throws Exception {
    WinBack winBack = engine();
    winBack.start(lost("dora").build());

    runUntil(winBack, () -> received() > 0, 30);

    assertThat(received()).as("the first message arrived").isEqualTo(1);
    MimeMessage first = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(first.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    Matcher link = ONE_CLICK.matcher(first.getHeader("List-Unsubscribe", null));
    assertThat(link.matches()).as("a one-click link to the customer pages").isTrue();
    String messageId = first.getMessageID();
    WinBackPlan sent = winBack.plan("dora").orElseThrow();
    assertThat(sent.steps())
        .filteredOn(s -> s.status() == StepStatus.DONE)
        .singleElement()
        .satisfies(s ->
            assertThat(s.outcome()).hasValueSatisfying(o -> assertThat(o).contains(messageId)));

    WinBackPlan optedOut =
        winBack.links().unsubscribe(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8));
    runUntil(winBack, () -> received() > 1, 120);

    assertThat(optedOut.status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(winBack.plan("dora").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(received()).as("nothing more was sent").isEqualTo(1);
  }

  @Test
  void withoutTheOptOutTheCustomerHearsFromUsAgain() {
    WinBack winBack = engine();
    winBack.start(lost("emil").build());

    runUntil(winBack, () -> received() > 1, 120);

    assertThat(received())
        .as("the same run, unanswered, sends a second message")
        .isGreaterThan(1);
  }
}
