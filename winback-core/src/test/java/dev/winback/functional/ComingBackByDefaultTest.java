package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.PlanLint;
import dev.winback.ReactivationTokens;
import dev.winback.Redemption;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitTerms;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With reactivation tokens configured, every goodbye and second-chance ask carries a fresh way back. */
class ComingBackByDefaultTest {
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .build();

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  private WinBackBuilder engine() {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host);
  }

  private void runDays(WinBack winBack, int days) {
    for (int hour = 0; hour < days * 24; hour += 6) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    winBack.runDue();
  }

  private List<StepContext> calls(StepKind kind) {
    return host.calls().stream().filter(c -> c.step().kind() == kind).toList();
  }

  @Test
  void everyGoodbyeAndSecondChanceAskCarriesAFreshComeBackToken() {
    WinBack winBack = engine().reactivationTokens(TOKENS).build();
    winBack.start(leftBecauseOf("c1", ExitCategory.COMPETITOR_OFFER).build());
    winBack.start(leftBecauseOf("c2", ExitCategory.PRICE).build());

    runDays(winBack, 100);

    List<StepContext> waysBack = host.calls().stream()
        .filter(c -> c.step().kind() == StepKind.GRACEFUL_GOODBYE
            || c.step().kind() == StepKind.SECOND_CHANCE_ASK)
        .toList();
    assertThat(waysBack)
        .hasSize(4)
        .allSatisfy(c -> assertThat(c.comeBackToken()).isPresent());
    assertThat(waysBack).extracting(c -> c.comeBackToken().orElseThrow()).doesNotHaveDuplicates();
    assertThat(host.calls())
        .filteredOn(c -> !waysBack.contains(c))
        .allSatisfy(c -> assertThat(c.comeBackToken()).isEmpty());
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.TOKEN_ISSUED)
        .extracting(e -> e.stepKind().orElseThrow())
        .containsExactly(StepKind.GRACEFUL_GOODBYE, StepKind.SECOND_CHANCE_ASK);
  }

  @Test
  void theTokenInTheGoodbyeBringsTheCustomerBack() {
    WinBack winBack = engine().reactivationTokens(TOKENS).build();
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).build());
    runDays(winBack, 4);

    String token = calls(StepKind.GRACEFUL_GOODBYE).get(0).comeBackToken().orElseThrow();
    Redemption back = winBack.redeem(token);

    assertThat(back.customerId()).isEqualTo("c1");
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
  }

  @Test
  void theComeBackLinkIsTheHostsPageWithTheToken() {
    WinBack winBack = engine()
        .reactivationTokens(TOKENS)
        .playbook(Playbook.builder()
            .from(Playbook.standard())
            .exitTerms(ExitTerms.builder()
                .comeBackLink("https://shop.example/back?from=goodbye")
                .build())
            .build())
        .build();
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).build());
    runDays(winBack, 4);

    StepContext goodbye = calls(StepKind.GRACEFUL_GOODBYE).get(0);
    assertThat(goodbye.comeBackLink())
        .contains("https://shop.example/back?from=goodbye&token="
            + goodbye.comeBackToken().orElseThrow());
  }

  @Test
  void withoutTokensNoStepCarriesOne() {
    WinBack winBack = engine().build();
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).build());

    runDays(winBack, 4);

    assertThat(calls(StepKind.GRACEFUL_GOODBYE)).singleElement().satisfies(c -> {
      assertThat(c.comeBackToken()).isEmpty();
      assertThat(c.comeBackLink()).isEmpty();
    });
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .doesNotContain(EventType.TOKEN_ISSUED);
  }

  @Test
  void theLinterWarnsOfAGoodbyeWithNoWayBack() {
    assertThat(PlanLint.check(Playbook.standard())).isNotEmpty().allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(PlanLint.Severity.WARNING);
      assertThat(f.rule()).isEqualTo("no-way-back");
    });
    assertThat(engine().build().playbookWarnings())
        .extracting(PlanLint.Finding::rule)
        .contains("no-way-back");
  }

  @Test
  void aGoodbyeHasAWayBackWithTokensOrAComeBackPage() {
    assertThat(engine().reactivationTokens(TOKENS).build().playbookWarnings()).isEmpty();
    assertThat(PlanLint.check(Playbook.builder()
            .from(Playbook.standard())
            .exitTerms(
                ExitTerms.builder().comeBackLink("https://shop.example/back").build())
            .build()))
        .isEmpty();
  }

  @Test
  void aCustomerWithNothingOnRecordIsNotGivenATokenForQuestions() {
    WinBack winBack = engine().reactivationTokens(TOKENS).build();
    winBack.start(lost("c1").build());

    runDays(winBack, 2);

    assertThat(calls(StepKind.FEEDBACK_REQUEST))
        .singleElement()
        .satisfies(c -> assertThat(c.comeBackToken()).isEmpty());
  }
}
