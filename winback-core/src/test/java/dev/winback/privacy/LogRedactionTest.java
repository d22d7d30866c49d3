package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonSource;
import dev.winback.testing.CapturedLog;
import dev.winback.testing.Recorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No e-mail address, phone number, postal address or free-text feedback reaches a log line or an exception. */
class LogRedactionTest {
  private static final String EMAIL = "grace.hopper@navy.example";
  private static final String PHONE = "+1 202 555 0147";
  private static final String ADDRESS = "1 Compiler Way, Arlington";
  private static final String WORDS = "the new billing portal lost my invoices twice";
  private static final String NAME = "Grace Hopper";

  @Test
  void aWholeLifecycleWithFailingHostsLogsNoPersonalData() throws Exception {
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder().answering(context -> {
      if (context.attempt() == 1) {
        throw new IOException("could not send to " + EMAIL + " / " + PHONE); // a careless host
      }
      return dev.winback.spi.StepResult.sent();
    });
    List<Throwable> thrown = new ArrayList<>();
    String log = CapturedLog.during(() -> {
      WinBack winBack = WinBack.builder()
          .clock(clock)
          .reactivationTokens(ReactivationTokens.builder()
              .key("k", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
              .build())
          .feedback(host)
          .apology(host)
          .incentives(host)
          .reEngagement(host)
          .activities(activity -> {
            throw new IllegalStateException("CRM rejected note for " + EMAIL);
          })
          .listener(event -> {
            throw new IllegalArgumentException("listener saw " + ADDRESS);
          })
          .build();
      LostCustomer grace = LostCustomer.builder()
          .id("g1")
          .displayName(NAME)
          .addContactPoint(ContactPoint.of(Channel.EMAIL, EMAIL, Consent.GRANTED))
          .addContactPoint(ContactPoint.of(Channel.PHONE, PHONE, Consent.GRANTED))
          .addContactPoint(ContactPoint.of(Channel.POST, ADDRESS, Consent.GRANTED))
          .lostAt(LOST_AT)
          .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
          .addExitReason(ExitReason.builder()
              .category(ExitCategory.SERVICE_FAILURE)
              .verbatim(WORDS)
              .source(ReasonSource.SURVEY)
              .recordedAt(LOST_AT)
              .build())
          .build();
      winBack.start(grace);
      for (int hour = 0; hour < 24 * 40; hour += 3) {
        winBack.runDue();
        clock.advance(Duration.ofHours(3));
      }
      winBack.recordFeedback("g1", Feedback.of(WORDS, ReasonSource.LETTER, clock.instant()));
      thrown.add(catchThrowable(() -> winBack.redeem("wb1.k.forged.token")));
      thrown.add(catchThrowable(() -> WinBackJson.read(
          "{\"id\":\"g2\",\"displayName\":\"" + NAME
              + "\",\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":\"" + PHONE
              + "\"}],\"lostAt\":\"" + WORDS + "\"}",
          LostCustomer.class)));
      thrown.add(catchThrowable(() -> ContactPoint.of(Channel.EMAIL, ADDRESS, Consent.GRANTED)));
      thrown.add(catchThrowable(() -> ContactPoint.of(Channel.PHONE, EMAIL, Consent.GRANTED)));
      String export = winBack.export("g1");
      assertThat(export).contains(EMAIL); // the export is for the customer, not for the log
      winBack.erase("g1");
      System.err.println(grace); // what a careless host's log line would show
    });

    assertThat(log)
        .as("the capture saw the engine's log lines")
        .contains("Started plan g1@")
        .contains("threw java.io.IOException")
        .contains("Activity writer threw")
        .contains("Listener");
    assertThat(thrown).hasSize(4).allSatisfy(t -> assertThat(t).isNotNull());
    StringBuilder messages = new StringBuilder();
    thrown.forEach(t -> messages.append(t.getMessage()).append('\n'));
    for (String personal :
        List.of(EMAIL, PHONE, ADDRESS, WORDS, NAME, "grace.hopper", "555 0147", "Compiler Way")) {
      assertThat(log).as("log").doesNotContain(personal);
      assertThat(messages.toString()).as("exception messages").doesNotContain(personal);
    }
  }
}
