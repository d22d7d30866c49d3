package dev.winback.functional;

import static dev.winback.model.StepKind.FEEDBACK_REQUEST;
import static dev.winback.model.StepKind.GRACEFUL_GOODBYE;
import static dev.winback.model.StepKind.INCENTIVE_OFFER;
import static dev.winback.model.StepKind.SECOND_CHANCE_ASK;
import static dev.winback.model.StepKind.THANK_YOU;
import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.model.WithoutFeedback;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customers are asked why they left only when we do not know, and thanked for feedback only when they gave it. */
class AskOnlyWhatWeDoNotKnowTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final WinBack winBack = winBack(Playbook.standard());

  private WinBack winBack(Playbook playbook) {
    return WinBack.builder()
        .clock(clock)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private void runDays(WinBack engine, int days) {
    for (int hour = 0; hour < days * 24; hour += 6) {
      engine.runDue();
      clock.advance(Duration.ofHours(6));
    }
    engine.runDue();
  }

  /** Every step sent, in order, whether it went alone or inside another step's message. */
  private List<StepKind> sent() {
    return host.calls().stream()
        .flatMap(c -> c.parts().stream())
        .map(PlanStep::kind)
        .toList();
  }

  private static List<StepKind> kinds(WinBackPlan plan) {
    return plan.steps().stream().map(PlanStep::kind).toList();
  }

  @Test
  void aCustomerWhoseReasonIsOnRecordIsThankedForItInsteadOfAsked() {
    Instant cancelForm = LOST_AT.minus(Duration.ofHours(2));
    WinBackPlan plan = winBack.start(lost("c1")
        .addExitReason(ExitReason.builder()
            .category(ExitCategory.PRICE)
            .verbatim("Too expensive for a shop our size")
            .source(ReasonSource.SURVEY)
            .recordedAt(cancelForm)
            .build())
        .value(worth("120"))
        .build());

    assertThat(kinds(plan)).doesNotContain(FEEDBACK_REQUEST).contains(THANK_YOU);
    assertThat(plan.feedbackReceivedAt()).contains(cancelForm);
    runDays(winBack, 100);
    assertThat(sent()).doesNotContain(FEEDBACK_REQUEST).contains(THANK_YOU);
    assertThat(plan.steps())
        .filteredOn(s -> s.kind() == THANK_YOU)
        .singleElement()
        .satisfies(s -> assertThat(s.dueAt()).isEqualTo(cancelForm.plus(Duration.ofDays(21))));
  }

  @Test
  void everyReasonTheCustomerToldUsCountsWhereverItCameFrom() {
    for (ReasonSource source : List.of(
        ReasonSource.SURVEY, ReasonSource.CALL, ReasonSource.LETTER, ReasonSource.PUBLIC_REVIEW)) {
      WinBackPlan plan = winBack.preview(lost("c-" + source)
          .addExitReason(ExitReason.of(ExitCategory.SERVICE_FAILURE, source, LOST_AT))
          .build());

      assertThat(kinds(plan)).as("from %s", source).doesNotContain(FEEDBACK_REQUEST);
    }
  }

  @Test
  void aReasonWeOnlyGuessedIsStillAsked() {
    WinBackPlan plan = winBack.start(lost("c1")
        .addExitReason(ExitReason.of(ExitCategory.PRICE, ReasonSource.INFERRED, LOST_AT))
        .build());

    assertThat(plan.rule()).isEqualTo("price-or-better-offer");
    assertThat(kinds(plan)).startsWith(FEEDBACK_REQUEST);
    assertThat(plan.feedbackReceivedAt()).isEmpty();
  }

  @Test
  void nobodyIsThankedForFeedbackTheyNeverGave() {
    winBack.start(lost("c1").value(worth("120")).build());

    runDays(winBack, 120);

    assertThat(sent()).doesNotContain(THANK_YOU);
  }

  @Test
  void whoNeverAnsweredGetsOneGentleReminderWhereTheThankYouWouldHaveBeenByDefault() {
    assertThat(Playbook.standard().withoutFeedback()).isEqualTo(WithoutFeedback.ONE_REMINDER);
    winBack.start(lost("c1").value(worth("120")).build());

    runDays(winBack, 120);

    List<StepContext> asks =
        host.calls().stream().filter(c -> c.step().kind() == FEEDBACK_REQUEST).toList();
    assertThat(asks).hasSize(2);
    assertThat(asks.get(0).reminder()).isFalse();
    assertThat(asks.get(1).reminder()).isTrue();
    assertThat(asks.get(1).step().anchor()).isEqualTo(StepAnchor.FEEDBACK);
    assertThat(asks.get(1).now()).isEqualTo(LOST_AT.plus(Duration.ofDays(21)));
    assertThat(sent())
        .containsExactly(
            FEEDBACK_REQUEST,
            GRACEFUL_GOODBYE,
            FEEDBACK_REQUEST,
            INCENTIVE_OFFER,
            SECOND_CHANCE_ASK);
  }

  @Test
  void aPlaybookMaySayNothingAtAllToWhoNeverAnswered() {
    WinBack quiet = winBack(Playbook.builder()
        .from(Playbook.standard())
        .withoutFeedback(WithoutFeedback.NOTHING)
        .build());
    quiet.start(lost("c1").build());

    runDays(quiet, 120);

    assertThat(sent()).containsExactly(FEEDBACK_REQUEST, GRACEFUL_GOODBYE, SECOND_CHANCE_ASK);
  }

  @Test
  void anAnswerAfterTheReminderIsStillThankedAndNotAskedAgain() {
    winBack.start(lost("c1").build());
    runDays(winBack, 25);
    assertThat(sent()).containsExactly(FEEDBACK_REQUEST, GRACEFUL_GOODBYE, FEEDBACK_REQUEST);
    Instant answered = clock.instant();

    WinBackPlan plan = winBack.recordFeedback(
        "c1",
        Feedback.builder()
            .text("We simply do not need it any more")
            .category(ExitCategory.NO_LONGER_NEEDED)
            .source(ReasonSource.SURVEY)
            .receivedAt(answered)
            .build());
    runDays(winBack, 60);

    assertThat(plan.feedbackReceivedAt()).contains(answered);
    assertThat(sent())
        .containsExactly(FEEDBACK_REQUEST, GRACEFUL_GOODBYE, FEEDBACK_REQUEST, THANK_YOU);
    assertThat(host.calls().get(3).now()).isEqualTo(answered.plus(Duration.ofDays(21)));
  }

  @Test
  void anAnswerBeforeTheReminderReplacesItWithTheThankYou() {
    winBack.start(lost("c1").build());
    runDays(winBack, 5);
    Instant answered = clock.instant();

    winBack.recordFeedback(
        "c1",
        Feedback.builder()
            .text("We simply do not need it any more")
            .category(ExitCategory.NO_LONGER_NEEDED)
            .source(ReasonSource.SURVEY)
            .receivedAt(answered)
            .build());
    runDays(winBack, 60);

    assertThat(sent()).containsExactly(FEEDBACK_REQUEST, GRACEFUL_GOODBYE, THANK_YOU);
  }

  @Test
  void aQuestionDueWhenTheAnswerArrivesIsNotSent() {
    winBack.start(lost("c1").build());
    winBack.recordFeedback("c1", Feedback.of("Far too expensive", ReasonSource.SURVEY, LOST_AT));

    runDays(winBack, 5);

    assertThat(sent()).doesNotContain(FEEDBACK_REQUEST);
  }

  @Test
  void aCustomerWithAReasonOnRecordGetsTheOurFaultPlanWithoutTheQuestion() {
    WinBackPlan plan =
        winBack.start(leftBecauseOf("c1", ExitCategory.SERVICE_FAILURE).build());

    assertThat(kinds(plan)).startsWith(StepKind.APOLOGY).doesNotContain(FEEDBACK_REQUEST);
  }
}
