package dev.winback.mail;

import static dev.winback.mail.Steps.step;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.Channel;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a step comes to when the SMTP server is down, silent or says no: failed (retried) for what may pass, skipped
 * for an address refused for good; never a reason that quotes the address.
 */
class SmtpFailureTest {
  private static final LostCustomer CARLA = lost("carla").build();
  private static final StepContext STEP = step(CARLA, 0, StepKind.RE_ENGAGEMENT, Channel.EMAIL);

  private static MailStrategyBuilder mailTo(int port) {
    return MailStrategy.builder()
        .host("127.0.0.1")
        .port(port)
        .from("hello@shop.example", "Shop")
        .composer(TestComposer.service());
  }

  @Test
  void aServerThatNeverAnswersFailsTheStepWithinTheTimeout() throws IOException {
    try (ScriptedSmtpServer silent = ScriptedSmtpServer.silent()) {
      MailStrategy mail = mailTo(silent.port())
          .security(SmtpSecurity.NONE)
          .connectTimeout(Duration.ofMillis(500))
          .readTimeout(Duration.ofMillis(500))
          .build();

      Instant start = Instant.now();
      StepResult result = mail.reEngage(STEP);

      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
      assertThat(result).isEqualTo(StepResult.failed("the SMTP server did not answer in time"));
    }
  }

  @Test
  void aServerThatCannotBeReachedFailsTheStep() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    StepResult result = mailTo(closedPort).security(SmtpSecurity.NONE).build().reEngage(STEP);

    assertThat(result)
        .isEqualTo(StepResult.failed("the SMTP server could not be reached (connection refused)"));
  }

  @Test
  void anAddressRefusedForGoodIsSkippedWithoutQuotingIt() throws IOException {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringRcptWith("550 5.1.1 <carla@example.com>: no such mailbox")) {
      StepResult result =
          mailTo(server.port()).security(SmtpSecurity.NONE).build().reEngage(STEP);

      assertThat(result).isEqualTo(StepResult.skipped("the address was refused (SMTP 550)"));
      assertThat(server.messagesAccepted()).isZero();
    }
  }

  @Test
  void anAddressDeferredForNowFailsTheStepToBeRetried() throws IOException {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRcptWith(
        "451 4.7.1 <carla@example.com>: greylisted, try again later")) {
      StepResult result =
          mailTo(server.port()).security(SmtpSecurity.NONE).build().reEngage(STEP);

      assertThat(result)
          .isEqualTo(StepResult.failed("the address was deferred for now (SMTP 451)"));
    }
  }

  @Test
  void requiredStartTlsIsNotGivenUpForAServerWithoutIt() throws IOException {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRcptWith("250 OK")) {
      StepResult result =
          mailTo(server.port()).security(SmtpSecurity.STARTTLS).build().reEngage(STEP);

      assertThat(result)
          .isEqualTo(
              StepResult.failed("the SMTP server does not offer STARTTLS, which is required"));
      assertThat(server.messagesAccepted()).isZero();
    }
  }

  @Test
  void theScriptedServerAcceptsAMessageWhenItSaysYes() throws IOException {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRcptWith("250 OK")) {
      StepResult result =
          mailTo(server.port()).security(SmtpSecurity.NONE).build().reEngage(STEP);

      assertThat(result).isInstanceOf(StepResult.Sent.class);
      assertThat(server.messagesAccepted()).isEqualTo(1);
    }
  }

  @Test
  void nothingWrittenToTheLogsNamesTheCustomer() throws Exception {
    LostCustomer named = lost("carla").displayName("Carla Fernández").build();
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    String logged;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try (ScriptedSmtpServer refusing =
            ScriptedSmtpServer.answeringRcptWith("550 5.1.1 <carla@example.com> unknown");
        ScriptedSmtpServer accepting = ScriptedSmtpServer.answeringRcptWith("250 OK")) {
      logged = dev.winback.testing.CapturedLog.during(() -> {
        for (ScriptedSmtpServer server : java.util.List.of(refusing, accepting)) {
          mailTo(server.port())
              .security(SmtpSecurity.NONE)
              .build()
              .reEngage(step(named, 0, StepKind.RE_ENGAGEMENT, Channel.EMAIL));
        }
      });
    } finally {
      System.setOut(out);
    }

    assertThat(logged + printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(
            "carla@example.com", "Carla", "Fernández", TestComposer.SUBJECT, "Gutschein");
  }
}
