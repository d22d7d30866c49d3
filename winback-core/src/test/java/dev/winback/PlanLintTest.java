package dev.winback;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.PlanLint.Finding;
import dev.winback.PlanLint.Severity;
import dev.winback.model.Channel;
import dev.winback.model.ExitCategory;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.OfferTerms;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.RuleCondition;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed rules as a linter over plans and playbooks. */
class PlanLintTest {

  private static PlanStep step(int index, StepKind kind, int day) {
    return PlanStep.builder()
        .index(index)
        .kind(kind)
        .channel(Channel.EMAIL)
        .dueAt(LOST_AT.plus(Duration.ofDays(day)))
        .build();
  }

  private static WinBackPlan plan(LostCustomer customer, PlanStep... steps) {
    return WinBackPlan.builder()
        .id("p")
        .customer(customer)
        .playbook("test")
        .rule("r")
        .rationale("test")
        .startedAt(LOST_AT)
        .addSteps(steps)
        .build();
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }

  private static PlaybookRule everyone(StepTemplate... steps) {
    return PlaybookRule.builder()
        .name("everyone")
        .rationale("test")
        .addSteps(steps)
        .build();
  }

  private static final PlaybookRule SORRY = PlaybookRule.builder()
      .name("sorry")
      .when(RuleCondition.ourFault())
      .rationale("our fault")
      .addSteps(
          StepTemplate.at(StepKind.APOLOGY, Duration.ZERO),
          StepTemplate.at(StepKind.FOLLOW_UP, Duration.ofDays(14)),
          StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(20)))
      .build();

  @Test
  void theStandardPlaybookIsCleanButForTheWayBackOnlyTheEngineCanGive() {
    assertThat(PlanLint.check(Playbook.standard()))
        .extracting(PlanLint.Finding::rule)
        .containsOnly("no-way-back");
  }

  @Test
  void flagsAnIncentiveOfferedBeforeAskingWhyTheyLeft() {
    WinBackPlan plan = plan(
        lost("c").build(),
        step(0, StepKind.INCENTIVE_OFFER, 0),
        step(1, StepKind.FEEDBACK_REQUEST, 1),
        step(2, StepKind.GRACEFUL_GOODBYE, 3));

    assertThat(PlanLint.check(plan)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("incentive-before-asking");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    });
  }

  @Test
  void flagsAMissingApologyWhenTheFaultWasOurs() {
    WinBackPlan plan = plan(
        leftBecauseOf("c", ExitCategory.SERVICE_FAILURE).build(),
        step(0, StepKind.FEEDBACK_REQUEST, 0),
        step(1, StepKind.GRACEFUL_GOODBYE, 3));

    assertThat(PlanLint.check(plan)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("no-apology");
      assertThat(f.explanation()).contains("apologise first");
    });
  }

  @Test
  void flagsAnApologyWithNoFollowUpAsHitAndRun() {
    WinBackPlan plan = plan(
        leftBecauseOf("c", ExitCategory.SERVICE_FAILURE).build(),
        step(0, StepKind.APOLOGY, 0),
        step(1, StepKind.GRACEFUL_GOODBYE, 3));

    assertThat(PlanLint.check(plan)).extracting(Finding::rule).containsExactly("hit-and-run");
  }

  @Test
  void flagsAContactAfterTheOptOut() {
    WinBackPlan plan = WinBackPlan.builder()
        .from(plan(
            lost("c").build(),
            step(0, StepKind.FEEDBACK_REQUEST, 0),
            step(1, StepKind.GRACEFUL_GOODBYE, 3)))
        .steps(List.of(
            PlanStep.builder()
                .from(step(0, StepKind.FEEDBACK_REQUEST, 0))
                .status(StepStatus.DONE)
                .completedAt(LOST_AT.plus(Duration.ofDays(2)))
                .build(),
            PlanStep.builder()
                .from(step(1, StepKind.GRACEFUL_GOODBYE, 3))
                .status(StepStatus.CANCELLED)
                .completedAt(LOST_AT.plus(Duration.ofDays(1)))
                .build()))
        .status(PlanStatus.OPTED_OUT)
        .endedAt(LOST_AT.plus(Duration.ofDays(1)))
        .build();

    assertThat(rules(PlanLint.check(plan))).contains("contact-after-opt-out");
  }

  @Test
  void flagsMoreContactsThanTheReasonAwareCapAllows() {
    WinBackPlan plan = plan(
        leftBecauseOf("c", ExitCategory.TOO_MANY_MESSAGES).build(),
        step(0, StepKind.APOLOGY, 0),
        step(1, StepKind.FOLLOW_UP, 10),
        step(2, StepKind.GRACEFUL_GOODBYE, 40));

    assertThat(PlanLint.check(plan)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("cap-exceeded");
      assertThat(f.explanation()).contains("2 contacts within 30 days, more than the 1");
    });
  }

  @Test
  void flagsAMissingGoodbyeAsAWarning() {
    WinBackPlan plan = plan(lost("c").build(), step(0, StepKind.FEEDBACK_REQUEST, 0));

    assertThat(PlanLint.check(plan)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("no-goodbye");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void flagsAGoodbyeThatBlocksLeaving() {
    Playbook hostile = Playbook.builder()
        .name("hostile")
        .addRule(SORRY)
        .addRule(everyone(
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
            StepTemplate.builder()
                .kind(StepKind.GRACEFUL_GOODBYE)
                .offset(Duration.ofDays(3))
                .message("Sorry to see you go. To cancel, please call our retention line.")
                .build()))
        .build();

    assertThat(PlanLint.check(hostile)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("hostile-goodbye");
      assertThat(f.where()).isEqualTo("rules[1] 'everyone'.steps[1]");
    });
  }

  @Test
  void flagsBlameLanguageInAnApology() {
    Playbook blaming = Playbook.builder()
        .name("blaming")
        .addRule(PlaybookRule.builder()
            .from(SORRY)
            .steps(List.of(
                StepTemplate.builder()
                    .kind(StepKind.APOLOGY)
                    .message(
                        "We are sorry, but the outage happened because you failed to update the app.")
                    .build(),
                StepTemplate.at(StepKind.FOLLOW_UP, Duration.ofDays(14)),
                StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(20))))
            .build())
        .addRule(everyone(
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(3))))
        .build();

    assertThat(PlanLint.check(blaming))
        .anySatisfy(f -> assertThat(f.rule()).isEqualTo("blame-language"));
  }

  @Test
  void flagsASecondChanceAskThatIgnoresAKnownContractEnd() {
    Playbook early = Playbook.builder()
        .name("early")
        .addRule(SORRY)
        .addRule(everyone(
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(3)),
            StepTemplate.at(StepKind.SECOND_CHANCE_ASK, Duration.ofDays(10))))
        .build();

    assertThat(PlanLint.check(early)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("second-chance-off-contract");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.where()).contains("new contract ending 2026-09-30");
    });
  }

  @Test
  void judgesARuleByTheCustomersWhoActuallyReachIt() {
    Playbook offersFirst = Playbook.builder()
        .name("offers-first")
        .addRule(SORRY)
        .addRule(everyone(
            StepTemplate.builder()
                .kind(StepKind.INCENTIVE_OFFER)
                .offer(OfferTerms.freePeriod(Period.ofMonths(1)))
                .minimumTier(dev.winback.model.ValueTier.HIGH)
                .build(),
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ofDays(1)),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(3))))
        .build();

    assertThat(PlanLint.check(offersFirst)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("incentive-before-asking");
      assertThat(f.where()).startsWith("rules[1] 'everyone'").contains("worth 800 a month");
    });
  }

  @Test
  void loadingAPlaybookWithAnErrorFailsAndWarningsComeBack() {
    String withWarning = """
        {"name": "lean", "rules": [
          {"name": "sorry", "rationale": "our fault", "when": {"faultWasOurs": true},
           "steps": [{"kind": "APOLOGY"}, {"kind": "FOLLOW_UP", "offset": "P14D"}]},
          {"name": "everyone", "rationale": "ask", "steps": [{"kind": "FEEDBACK_REQUEST"}]}]}
        """;
    String withError = withWarning.replace("{\"kind\": \"APOLOGY\"}, ", "");

    PlanLint.LintedPlaybook loaded = PlanLint.load(withWarning);

    assertThat(loaded.warnings()).extracting(Finding::rule).containsOnly("no-goodbye");
    assertThatThrownBy(() -> PlanLint.load(withError))
        .isInstanceOf(InvalidPlaybookException.class)
        .hasMessageContaining("no-apology");
    assertThatThrownBy(() -> PlanLint.load(withError)).isInstanceOf(InvalidPlaybookException.class);
  }

  @Test
  void anEngineRefusesAPlaybookWithAnError() {
    Playbook noApology = Playbook.builder()
        .name("no-apology")
        .addRule(everyone(
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(3))))
        .build();

    assertThatThrownBy(() -> WinBack.builder()
            .playbook(noApology)
            .feedback(c -> null)
            .apology(c -> null)
            .incentives(c -> null)
            .reEngagement(c -> null)
            .build())
        .isInstanceOf(InvalidPlaybookException.class)
        .hasMessageContaining("no-apology");
  }

  @Test
  void aContractAnchoredAskIsNotFlagged() {
    LostCustomer customer = leftBecauseOf("c", ExitCategory.PRICE)
        .newArrangement(
            NewArrangement.builder().contractEnds(LocalDate.of(2026, 9, 30)).build())
        .build();
    Instant ask = Instant.parse("2026-08-31T10:00:00Z");
    List<PlanStep> steps = new ArrayList<>(
        List.of(step(0, StepKind.FEEDBACK_REQUEST, 0), step(1, StepKind.GRACEFUL_GOODBYE, 3)));
    steps.add(PlanStep.builder()
        .index(2)
        .kind(StepKind.SECOND_CHANCE_ASK)
        .channel(Channel.EMAIL)
        .dueAt(ask)
        .anchor(StepAnchor.CONTRACT_END)
        .build());

    assertThat(PlanLint.check(plan(customer, steps.toArray(PlanStep[]::new)))).isEmpty();
  }
}
