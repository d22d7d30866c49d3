package dev.winback.functional;

import static dev.winback.model.StepKind.APOLOGY;
import static dev.winback.model.StepKind.FOLLOW_UP;
import static dev.winback.model.StepKind.GRACEFUL_GOODBYE;
import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When feedback changes what we know, the rest of the plan is the one {@code start} would choose for it, and a reason
 * that restricts contact restricts from the moment it is known.
 */
class ReplanningByReasonTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  private void runDays(int days) {
    for (int hour = 0; hour < days * 24; hour += 6) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    winBack.runDue();
  }

  private List<StepKind> sentSince(Instant since) {
    return host.calls().stream()
        .filter(c -> !c.now().isBefore(since))
        .map(c -> c.step().kind())
        .toList();
  }

  @Test
  void aPriceLeaverWhoSaysTheyGotTooManyEmailsGetsOnlyWhatTheTooManyMessagesRuleAllows() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());
    runDays(5);
    Instant toldUs = clock.instant();

    WinBackPlan revised = winBack.recordFeedback(
        "c1", Feedback.of("Way too many emails, one every day", ReasonSource.LETTER, toldUs));
    runDays(180);

    assertThat(revised.rule()).isEqualTo("left-over-too-many-messages");
    assertThat(sentSince(toldUs)).containsExactly(APOLOGY, FOLLOW_UP);
    List<Instant> contacts = host.calls().stream().map(StepContext::now).toList();
    for (int i = 1; i < contacts.size(); i++) {
      assertThat(Duration.between(contacts.get(i - 1), contacts.get(i)))
          .as("a month between contacts, counting the goodbye sent before the feedback")
          .isGreaterThanOrEqualTo(Duration.ofDays(30));
    }
  }

  @Test
  void theRevisedPlanIsTheOneStartWouldChooseForWhatWeNowKnow() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());
    runDays(5);

    WinBackPlan revised = winBack.recordFeedback(
        "c1",
        Feedback.builder()
            .category(ExitCategory.SERVICE_FAILURE)
            .source(ReasonSource.CALL)
            .receivedAt(clock.instant())
            .build());

    WinBackPlan fromTheStart = winBack.preview(revised.customer());
    assertThat(revised.rule()).isEqualTo(fromTheStart.rule()).isEqualTo("our-fault");
    assertThat(revised.steps())
        .filteredOn(s -> s.status() == StepStatus.PENDING)
        .extracting(PlanStep::kind)
        .containsExactlyElementsOf(fromTheStart.steps().stream()
            .map(PlanStep::kind)
            .filter(k -> k != GRACEFUL_GOODBYE) // already sent on day 3
            .toList());
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .contains(EventType.PLAN_REVISED);
  }

  @Test
  void aReasonThatRestrictsContactIsNeverLoosenedByWhatComesAfterIt() {
    winBack.start(
        leftBecauseOf("c1", ExitCategory.TOO_MANY_MESSAGES).value(worth("120")).build());
    runDays(2);

    WinBackPlan revised = winBack.recordFeedback(
        "c1", Feedback.of("Also, it got far too expensive", ReasonSource.SURVEY, clock.instant()));
    runDays(180);

    assertThat(revised.rule()).isEqualTo("left-over-too-many-messages");
    assertThat(host.calls())
        .extracting(c -> c.step().kind())
        .containsExactly(APOLOGY, FOLLOW_UP, GRACEFUL_GOODBYE);
  }

  @Test
  void aGuessedReasonThatRestrictsContactStaysWhenTheCustomerGivesAnother() {
    winBack.start(lost("c1")
        .addExitReason(
            ExitReason.of(ExitCategory.TOO_MANY_MESSAGES, ReasonSource.INFERRED, LOST_AT))
        .value(worth("120"))
        .build());
    runDays(2);

    WinBackPlan revised = winBack.recordFeedback(
        "c1", Feedback.of("It got far too expensive", ReasonSource.SURVEY, clock.instant()));

    assertThat(revised.customer().primaryCategory()).isEqualTo(ExitCategory.PRICE);
    assertThat(revised.rule()).isEqualTo("left-over-too-many-messages");
  }

  @Test
  void aCustomerWhoGaveTwoReasonsOneOfThemTooManyMessagesIsPlannedForThatOne() {
    WinBackPlan plan = winBack.start(leftBecauseOf("c1", ExitCategory.PRICE)
        .addExitReason(ExitReason.of(ExitCategory.TOO_MANY_MESSAGES, ReasonSource.SURVEY, LOST_AT))
        .value(worth("120"))
        .build());

    assertThat(plan.rule()).isEqualTo("left-over-too-many-messages");
  }
}
