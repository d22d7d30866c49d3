package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.Experiment;
import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.CustomerResponse;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The engine checks what enters through its own methods, and stores a host's outcome texts cut to fit. */
class BoundedInputTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final PlanStore store = PlanStore.inMemory();
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .store(store)
      .reactivationTokens(ReactivationTokens.builder()
          .key("k1", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
          .build())
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  @Test
  void everyMethodTakingACustomerIdRefusesAnIdThatCouldNotBeStored() {
    winBack.start(Customers.lost("a?").build());
    String broken = "a\uD800"; // PostgreSQL would store it as "a?", another customer's id
    List<ThrowingCallable> calls = List.of(
        () -> winBack.recordFeedback(broken, Feedback.of("why", ReasonSource.SURVEY, LOST_AT)),
        () -> winBack.recordResponse(broken, CustomerResponse.DECLINED),
        () -> winBack.markWonBack(broken),
        () -> winBack.optOut(broken),
        () -> winBack.suppress(broken, Suppression.LEGAL_HOLD),
        () -> winBack.recordConsent(broken, Channel.EMAIL, Consent.WITHDRAWN, "form"),
        () -> winBack.issueReactivationToken(broken),
        () -> winBack.erase(broken),
        () -> winBack.export(broken),
        () -> winBack.plan(broken),
        () -> winBack.history(broken));

    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("customerId: must not contain an unpaired surrogate");
    }
    assertThat(winBack.plan("a?").orElseThrow().version()).isZero();
    assertThat(winBack.history("a?")).hasSize(1);
  }

  @Test
  void aConsentSourceLongerThanTheLimitIsRefusedAndNothingIsWritten() {
    winBack.start(Customers.lost("c1").build());

    assertThatThrownBy(() -> winBack.recordConsent(
            "c1", Channel.EMAIL, Consent.WITHDRAWN, "s".repeat(Limits.MAX_NAME_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "source: must be at most " + Limits.MAX_NAME_LENGTH + " characters long");
    assertThat(winBack.history("c1")).hasSize(1);
    assertThat(winBack.plan("c1").orElseThrow().customer().consentsTo(Channel.EMAIL))
        .isTrue();
  }

  @Test
  void anExperimentOrArmNameLongerThanTheLimitIsRefused() {
    String tooLong = "e".repeat(Limits.MAX_NAME_LENGTH + 1);

    assertThatThrownBy(() -> Experiment.named(tooLong)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Experiment.named("e").variant(tooLong, 0.5, Playbook.standard()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aHostsOverlongOrBrokenOutcomeIsStoredCutShortAndTheRunGoesOn() {
    host.answering(context -> StepResult.skipped("no \u0000 reason \uD800 " + "x".repeat(100_000)));
    winBack.start(Customers.lost("c1").build()); // nothing known: asked at once

    winBack.runDue();

    String outcome = winBack.plan("c1").orElseThrow().step(0).outcome().orElseThrow();
    assertThat(winBack.plan("c1").orElseThrow().step(0).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(outcome)
        .startsWith("no \uFFFD reason \uFFFD xxx")
        .endsWith(Limits.TRUNCATION_MARKER)
        .hasSizeLessThanOrEqualTo(Limits.MAX_RESULT_TEXT_LENGTH);
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::detail)
        .allSatisfy(
            detail -> assertThat(detail).hasSizeLessThanOrEqualTo(Limits.MAX_DETAIL_LENGTH));
    host.answering(context -> StepResult.failed("f".repeat(50_000)));
    clock.advance(Duration.ofDays(30));
    assertThat(winBack.runDue().retried()).isPositive();
    assertThat(winBack.plan("c1").orElseThrow().steps())
        .allSatisfy(step -> assertThat(step.outcome().orElse(""))
            .hasSizeLessThanOrEqualTo(Limits.MAX_DETAIL_LENGTH));
  }

  @Test
  void feedbackBeyondTheMostReasonsIsRefusedAndNothingIsWritten() {
    LostCustomer.Builder customer = Customers.lost("c1");
    IntStream.range(0, Limits.MAX_ITEMS)
        .forEach(i -> customer.addExitReason(
            ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, LOST_AT)));
    winBack.start(customer.build());
    int events = winBack.history("c1").size();

    assertThatThrownBy(
            () -> winBack.recordFeedback("c1", Feedback.of("still", ReasonSource.SURVEY, LOST_AT)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exitReasons: must have at most " + Limits.MAX_ITEMS + " items");
    assertThat(winBack.history("c1")).hasSize(events);
    assertThat(winBack.plan("c1").orElseThrow().version()).isZero();
  }
}
