package dev.winback.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.InvalidPlaybookException;
import dev.winback.Problem;
import dev.winback.WinBackJson;
import dev.winback.testing.Customers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlaybookTest {

  private static PlaybookRule rule(String name, RuleCondition when) {
    return PlaybookRule.builder()
        .name(name)
        .when(when)
        .rationale("because")
        .addStep(StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO))
        .build();
  }

  @Test
  void aPlaybookDefinedInJavaChoosesByExitCategoryChurnSignalValueTierAndSegment() {
    Playbook playbook = Playbook.builder()
        .name("mine")
        .addRule(rule(
            "enterprise-price",
            RuleCondition.builder()
                .addExitCategory(ExitCategory.PRICE)
                .addValueTier(ValueTier.HIGH)
                .addSegment("enterprise")
                .addChurnSignal(ChurnSignal.CONTRACT_NOT_RENEWED)
                .build()))
        .addRule(rule("everyone-else", RuleCondition.everyone()))
        .build();
    LostCustomer match = Customers.leftBecauseOf("c1", ExitCategory.PRICE)
        .segment("enterprise")
        .churnSignal(ChurnSignal.CONTRACT_NOT_RENEWED)
        .value(Customers.worth("900"))
        .build();
    LostCustomer otherSegment =
        LostCustomer.builder().from(match).segment("smb").build();

    assertThat(
            playbook.rules().get(0).when().matches(match, playbook.valueTiers().tierOf(match)))
        .isTrue();
    assertThat(playbook.rules().get(0).when().matches(otherSegment, ValueTier.HIGH))
        .isFalse();
  }

  @Test
  void aPlaybookWithoutARuleForEveryoneFailsAtOnce() {
    assertThatThrownBy(() -> Playbook.builder()
            .name("gaps")
            .addRule(rule("price", RuleCondition.exitCategoryIn(ExitCategory.PRICE)))
            .build())
        .isInstanceOf(InvalidPlaybookException.class)
        .hasMessageContaining("rules[0].when: the last rule must match every customer");
  }

  @Test
  void aRuleThatCanNeverMatchAndADuplicateNameAreBothReported() {
    InvalidPlaybookException e = catchThrowableOfType(
        InvalidPlaybookException.class,
        () -> Playbook.builder()
            .name("bad")
            .addRule(rule("all", RuleCondition.everyone()))
            .addRule(rule("all", RuleCondition.ourFault()))
            .addRule(rule("rest", RuleCondition.everyone()))
            .build());

    assertThat(e.problems())
        .extracting(Problem::path)
        .contains("rules[1].name", "rules[1]", "rules[2]");
  }

  @Test
  void anInvalidPlaybookInJsonFailsAtLoadNamingEveryProblem() {
    String json = """
        {"name": "broken", "maxAttempts": 0,
         "rules": [
           {"name": "r1", "rationale": "x", "when": {"exitCategories": ["PRICEY"]},
            "steps": [{"kind": "INCENTIVE_OFFER"}]},
           {"name": "r2", "rationale": "y",
            "steps": [{"kind": "THANK_YOU", "anchor": "FEEDBACK", "offset": "-P1D"}]}
         ]}
        """;

    InvalidPlaybookException e =
        catchThrowableOfType(InvalidPlaybookException.class, () -> dev.winback.PlanLint.load(json));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "rules[0].when.exitCategories[0]: must be one of "
                + java.util.Arrays.toString(ExitCategory.values()),
            "rules[0].steps[0].offer: is required for INCENTIVE_OFFER",
            "rules[1].steps[0].offset: may be negative only for a step anchored to CONTRACT_END",
            "maxAttempts: must be at least 1");
  }

  @Test
  void aValidPlaybookLoadsFromJson() {
    String json = """
        {"name": "lean", "rules": [
          {"name": "sorry", "rationale": "our fault", "when": {"faultWasOurs": true},
           "steps": [{"kind": "APOLOGY"}, {"kind": "FOLLOW_UP", "offset": "P14D"},
                     {"kind": "GRACEFUL_GOODBYE", "offset": "P20D"}]},
          {"name": "everyone", "rationale": "ask and thank",
           "steps": [{"kind": "FEEDBACK_REQUEST"},
                     {"kind": "THANK_YOU", "anchor": "FEEDBACK", "offset": "P14D"},
                     {"kind": "INCENTIVE_OFFER", "anchor": "FEEDBACK", "offset": "P14D", "minimumTier": "HIGH",
                      "offer": {"kind": "FREE_PERIOD", "period": "P1M"}}]}]}
        """;

    Playbook playbook = dev.winback.PlanLint.load(json).playbook();

    assertThat(playbook.rules()).hasSize(2);
    assertThat(playbook.maxAttempts()).isEqualTo(3);
    assertThat(WinBackJson.read(WinBackJson.write(playbook), Playbook.class)).isEqualTo(playbook);
  }

  @Test
  void theThankYouMustWaitAtLeastADay() {
    assertThatThrownBy(() -> Playbook.standard(Duration.ofHours(2)))
        .isInstanceOf(InvalidPlaybookException.class)
        .hasMessageContaining("thankYouAfterFeedback");
  }

  @Test
  void valueTiersUseTheHigherOfMonthlyAndLifetimeRevenue() {
    ValueTiers tiers = ValueTiers.defaults();

    assertThat(tiers.tierOf(dev.winback.testing.Customers.lost("no-value").build()))
        .isEqualTo(ValueTier.UNKNOWN);
    assertThat(tiers.tierOf(CustomerValue.of("10", "0", "EUR"))).isEqualTo(ValueTier.LOW);
    assertThat(tiers.tierOf(CustomerValue.of("50", "0", "EUR"))).isEqualTo(ValueTier.MEDIUM);
    assertThat(tiers.tierOf(CustomerValue.of("0", "10000", "EUR"))).isEqualTo(ValueTier.HIGH);
  }
}
