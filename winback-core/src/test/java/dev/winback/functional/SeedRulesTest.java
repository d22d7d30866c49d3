package dev.winback.functional;

import static dev.winback.model.StepKind.APOLOGY;
import static dev.winback.model.StepKind.FEEDBACK_REQUEST;
import static dev.winback.model.StepKind.FOLLOW_UP;
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
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice WinBack comes from, one behaviour per test, through the standard playbook. */
class SeedRulesTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

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

  private final WinBack winBack = winBack(Playbook.standard());

  private static List<StepKind> kinds(WinBackPlan plan) {
    return plan.steps().stream().map(PlanStep::kind).toList();
  }

  private void runDays(int days) {
    for (int day = 0; day < days; day++) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
      winBack.runDue();
      clock.advance(Duration.ofHours(18));
    }
    winBack.runDue();
  }

  /** Every step sent, in order, whether it went alone or inside another step's message. */
  private List<StepKind> sentKinds() {
    return host.calls().stream()
        .flatMap(c -> c.parts().stream())
        .map(PlanStep::kind)
        .toList();
  }

  @Test
  void asksWhyFirstWhenTheReasonIsUnknown() {
    WinBackPlan plan = winBack.start(lost("c1").build());

    assertThat(plan.rule()).isEqualTo("ask-why-first");
    assertThat(plan.steps().get(0).kind()).isEqualTo(FEEDBACK_REQUEST);
    assertThat(plan.steps().get(0).dueAt()).isEqualTo(LOST_AT);
  }

  @Test
  void apologisesFirstWhenTheFaultWasOurs() {
    WinBackPlan plan = winBack.start(lost("c1")
        .addExitReason(ExitReason.of(ExitCategory.SERVICE_FAILURE, ReasonSource.INFERRED, LOST_AT))
        .build());

    assertThat(plan.rule()).isEqualTo("our-fault");
    assertThat(kinds(plan)).startsWith(APOLOGY, FEEDBACK_REQUEST);
    runDays(2);
    assertThat(sentKinds()).startsWith(APOLOGY, FEEDBACK_REQUEST);
  }

  @Test
  void followsUpAfterTheApologySoTheProblemStaysFixed() {
    WinBackPlan plan =
        winBack.start(leftBecauseOf("c1", ExitCategory.PRODUCT_QUALITY).build());

    assertThat(kinds(plan)).containsSubsequence(APOLOGY, FOLLOW_UP);
    assertThat(plan.steps().stream()
            .filter(s -> s.kind() == FOLLOW_UP)
            .findFirst()
            .orElseThrow()
            .dueAt())
        .isEqualTo(LOST_AT.plus(Duration.ofDays(14)));
  }

  @Test
  void apologisesFirstWhenTheirFeedbackShowsTheFaultWasOurs() {
    winBack.start(lost("c1").build());
    runDays(1);
    assertThat(sentKinds()).containsExactly(FEEDBACK_REQUEST);

    WinBackPlan revised = winBack.recordFeedback(
        "c1",
        Feedback.of("Your support person was rude to me", ReasonSource.SURVEY, clock.instant()));
    runDays(1);

    assertThat(revised.rule()).isEqualTo("our-fault");
    assertThat(revised.customer().primaryCategory()).isEqualTo(ExitCategory.STAFF_ATTITUDE);
    assertThat(sentKinds()).containsExactly(FEEDBACK_REQUEST, APOLOGY);
    assertThat(revised.steps())
        .filteredOn(s -> s.kind() == FEEDBACK_REQUEST && s.status() != StepStatus.CANCELLED)
        .hasSize(1);
  }

  @Test
  void thanksThemPersonallyThreeWeeksAfterTheirFeedback() {
    winBack.start(lost("c1")
        .addExitReason(ExitReason.of(ExitCategory.PRICE, ReasonSource.INFERRED, LOST_AT))
        .build());
    clock.advance(Duration.ofDays(5));
    Instant feedbackAt = clock.instant();
    WinBackPlan plan = winBack.recordFeedback(
        "c1", Feedback.of("It got too expensive for us", ReasonSource.CALL, feedbackAt));

    PlanStep thankYou =
        plan.steps().stream().filter(s -> s.kind() == THANK_YOU).findFirst().orElseThrow();
    assertThat(thankYou.dueAt()).isEqualTo(feedbackAt.plus(Duration.ofDays(21)));
  }

  @Test
  void theThankYouRefersToWhatTheyToldUs() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).build());
    winBack.recordFeedback(
        "c1", Feedback.of("Too expensive since the new tariff", ReasonSource.LETTER, LOST_AT));

    runDays(30);

    StepContext thankYou = host.calls().stream()
        .filter(c -> c.step().kind() == THANK_YOU)
        .findFirst()
        .orElseThrow();
    assertThat(thankYou.customer().exitReasons())
        .anySatisfy(r -> assertThat(r.verbatim()).contains("Too expensive since the new tariff"));
    assertThat(thankYou.plan().feedbackReceivedAt()).contains(LOST_AT);
  }

  @Test
  void theWaitBeforeTheThankYouIsConfigurable() {
    WinBack tenDays = winBack(Playbook.standard(Duration.ofDays(10)));

    WinBackPlan plan = tenDays.start(leftBecauseOf("c1", ExitCategory.PRICE).build());

    PlanStep thankYou =
        plan.steps().stream().filter(s -> s.kind() == THANK_YOU).findFirst().orElseThrow();
    assertThat(thankYou.dueAt()).isEqualTo(LOST_AT.plus(Duration.ofDays(10)));
  }

  @Test
  void
      offersThoseWhoLeftOverMoneyAnIncentiveSizedToTheirValueAndNoneWhenTheirValueIsTooSmallOrUnknown() {
    WinBackPlan valuable = winBack.start(
        leftBecauseOf("rich", ExitCategory.PRICE).value(worth("120")).build());
    WinBackPlan small = winBack.start(
        leftBecauseOf("small", ExitCategory.PRICE).value(worth("9.90")).build());
    WinBackPlan tiny = winBack.start(
        leftBecauseOf("tiny", ExitCategory.PRICE).value(worth("2.00")).build());
    WinBackPlan unknown =
        winBack.start(leftBecauseOf("unknown", ExitCategory.PRICE).build());

    assertThat(incentive(valuable).offer())
        .hasValueSatisfying(offer -> assertThat(offer.worth()).isPresent());
    assertThat(incentive(small).status()).isEqualTo(StepStatus.PENDING);
    assertThat(incentive(small).offer()).isPresent();
    assertThat(incentive(tiny).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(incentive(tiny).outcome())
        .hasValueSatisfying(
            why -> assertThat(why).contains("below the smallest offer worth making"));
    assertThat(kinds(unknown)).doesNotContain(INCENTIVE_OFFER);
  }

  private static PlanStep incentive(WinBackPlan plan) {
    return plan.steps().stream()
        .filter(s -> s.kind() == INCENTIVE_OFFER)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void offersNoIncentiveToThoseWhoNoLongerNeedUs() {
    WinBackPlan plan = winBack.start(
        leftBecauseOf("c1", ExitCategory.NO_LONGER_NEEDED).value(worth("900")).build());

    assertThat(kinds(plan)).containsExactly(GRACEFUL_GOODBYE, THANK_YOU);
  }

  @Test
  void asksForASecondChanceAMonthBeforeTheirNewContractEnds() {
    LocalDate contractEnds = LocalDate.of(2026, 9, 30);
    WinBackPlan plan = winBack.start(leftBecauseOf("c1", ExitCategory.COMPETITOR_OFFER)
        .timeZone(ZoneId.of("Europe/Berlin"))
        .newArrangement(NewArrangement.builder()
            .competitor("Rival")
            .contractEnds(contractEnds)
            .build())
        .build());

    PlanStep ask = plan.steps().stream()
        .filter(s -> s.kind() == SECOND_CHANCE_ASK)
        .findFirst()
        .orElseThrow();
    assertThat(ask.dueAt()).isEqualTo(Instant.parse("2026-08-31T08:00:00Z"));
  }

  @Test
  void asksForASecondChanceAfterThreeMonthsWhenTheContractEndIsUnknown() {
    WinBackPlan plan =
        winBack.start(leftBecauseOf("c1", ExitCategory.COMPETITOR_OFFER).build());

    PlanStep ask = plan.steps().stream()
        .filter(s -> s.kind() == SECOND_CHANCE_ASK)
        .findFirst()
        .orElseThrow();
    assertThat(ask.dueAt()).isEqualTo(LOST_AT.plus(Duration.ofDays(90)));
  }

  @Test
  void letsThemGoGracefullyWithTheDoorOpen() {
    for (ExitCategory category : ExitCategory.values()) {
      if (category.irreversible()) {
        continue;
      }
      WinBackPlan plan =
          winBack.preview(leftBecauseOf("c-" + category, category).build());
      assertThat(kinds(plan)).as("plan for %s", category).contains(GRACEFUL_GOODBYE);
    }
  }

  @Test
  void writesAtMostOnceAMonthToThoseWhoLeftOverTooManyMessages() {
    winBack.start(leftBecauseOf("c1", ExitCategory.TOO_MANY_MESSAGES)
        .preferredChannel(Channel.EMAIL)
        .build());

    runDays(120);

    assertThat(sentKinds()).containsExactly(APOLOGY, FOLLOW_UP, GRACEFUL_GOODBYE);
    for (int i = 1; i < host.calls().size(); i++) {
      assertThat(Duration.between(
              host.calls().get(i - 1).now(), host.calls().get(i).now()))
          .isGreaterThanOrEqualTo(Duration.ofDays(30));
    }
    assertThat(host.calls())
        .allSatisfy(c -> assertThat(c.step().channel()).isEqualTo(Channel.EMAIL));
  }

  @Test
  void neverContactsADeceasedCustomer() {
    WinBackPlan plan = winBack.start(leftBecauseOf("c1", ExitCategory.DECEASED).build());

    runDays(120);

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plan.steps()).isEmpty();
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void stopsAtOnceWhenTheHostConfirmsTheCustomerDied() {
    winBack.start(lost("c1").build());
    runDays(1);

    winBack.recordFeedback(
        "c1",
        Feedback.builder()
            .text("My husband passed away in May")
            .category(ExitCategory.DECEASED)
            .source(ReasonSource.LETTER)
            .receivedAt(clock.instant())
            .build());
    runDays(120);

    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(sentKinds()).containsExactly(FEEDBACK_REQUEST);
  }

  @Test
  void onlySuggestsADeathReadFromTheCustomersWordsForAPersonToConfirm() {
    winBack.start(lost("c1").build());
    runDays(1);

    WinBackPlan plan = winBack.recordFeedback(
        "c1", Feedback.of("My husband passed away in May", ReasonSource.LETTER, clock.instant()));

    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan.customer().leftBecauseOf(ExitCategory.DECEASED)).isFalse();
    assertThat(winBack.history("c1"))
        .anySatisfy(event -> assertThat(event.detail()).contains("suggest DECEASED"));
  }

  @Test
  void stopsAtOnceWhenALegalHoldForbidsContact() {
    winBack.start(lost("c1").build());

    winBack.suppress("c1", Suppression.LEGAL_HOLD);
    runDays(120);

    assertThat(host.calls()).isEmpty();
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.SUPPRESSED);
  }

  @Test
  void stopsAtOnceWhenTheyComeBack() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());
    runDays(4);
    assertThat(sentKinds()).containsExactly(GRACEFUL_GOODBYE);

    WinBackPlan plan = winBack.markWonBack("c1");
    runDays(120);

    assertThat(plan.status()).isEqualTo(PlanStatus.WON_BACK);
    assertThat(host.calls()).hasSize(1);
    assertThat(plan.steps()).filteredOn(s -> s.status() == StepStatus.PENDING).isEmpty();
  }

  @Test
  void stopsAtOnceWhenTheyDecline() {
    winBack.start(lost("c1").build());
    runDays(1);

    winBack.recordResponse("c1", dev.winback.model.CustomerResponse.DECLINED);
    runDays(120);

    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.DECLINED);
    assertThat(host.calls()).hasSize(1);
  }

  @Test
  void stopsAtOnceWhenTheyOptOut() {
    winBack.start(lost("c1").build());
    runDays(1);

    WinBackPlan plan = winBack.optOut("c1");
    runDays(120);

    assertThat(plan.status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(plan.customer().consentedChannels()).isEmpty();
    assertThat(host.calls()).hasSize(1);
  }

  @Test
  void usesOnlyChannelsTheCustomerConsentedTo() {
    WinBackPlan plan = winBack.start(lost("c1")
        .contactPoints(List.of(
            ContactPoint.of(Channel.EMAIL, "c1@example.com", Consent.WITHDRAWN),
            ContactPoint.of(Channel.PHONE, "+49 30 1234567", Consent.GRANTED)))
        .preferredChannel(Channel.EMAIL)
        .build());

    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.channel()).isEqualTo(Channel.PHONE));
  }

  @Test
  void contactsNobodyWhoConsentedToNoChannel() {
    WinBackPlan plan = winBack.start(lost("c1")
        .contactPoints(List.of(ContactPoint.of(Channel.EMAIL, "c1@example.com", Consent.UNKNOWN)))
        .build());

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plan.rationale()).contains("consented to no channel");
  }

  @Test
  void explainsWhichRuleChoseThePlanAndWhy() {
    WinBackPlan plan = winBack.start(
        leftBecauseOf("c1", ExitCategory.PRICE).value(worth("600")).build());

    assertThat(plan.rationale())
        .contains("rule 'price-or-better-offer'")
        .contains("exit category in [PRICE, COMPETITOR_OFFER, BUDGET_CUT]")
        .contains("value tier HIGH");
  }
}
