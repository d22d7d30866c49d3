package dev.winback.testkit;

import static dev.winback.testkit.WinBackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.model.ExitCategory;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReasonClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A simulation runs whatever engine a host builds: its classifier, its tokens, its contact policy and the rest. */
class SimulationConfigurationTest {
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .build();

  @Test
  void usesTheHostsReasonClassifier() {
    ReasonClassifier everythingIsTooManyEmails = (text, locale) -> ExitCategory.TOO_MANY_MESSAGES;
    WinBackSimulation sim =
        WinBackSimulation.builder().reasonClassifier(everythingIsTooManyEmails).build();
    sim.start(LostCustomers.lost("c1").build());

    WinBackPlan plan = sim.feedback("c1", "words no keyword rule knows");

    assertThat(plan.customer().primaryCategory()).isEqualTo(ExitCategory.TOO_MANY_MESSAGES);
    assertThat(plan.rule()).isEqualTo("left-over-too-many-messages");
  }

  @Test
  void withReactivationTokensEveryGoodbyeCarriesAWayBackThatWorks() {
    WinBackSimulation sim =
        WinBackSimulation.builder().reactivationTokens(TOKENS).build();
    sim.start(LostCustomers.priceSensitive("c1").build());

    sim.advanceDays(100);

    assertThat(sim.timeline("c1"))
        .wasSent(StepKind.GRACEFUL_GOODBYE)
        .wasSent(StepKind.SECOND_CHANCE_ASK)
        .everyGoodbyeCarriedAWayBack();
    String token = sim.timeline("c1")
        .sent(StepKind.SECOND_CHANCE_ASK)
        .get(0)
        .comeBackToken()
        .orElseThrow();
    assertThat(sim.winBack().redeem(token).customerId()).isEqualTo("c1");
  }

  @Test
  void withoutTokensTheAssertionSaysWhichGoodbyeHadNoWayBack() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.priceSensitive("c1").build());
    sim.advanceDays(10);

    assertThatThrownBy(() -> assertThat(sim.timeline("c1")).everyGoodbyeCarriedAWayBack())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GRACEFUL_GOODBYE sent at")
        .hasMessageContaining("carried no come-back token");
  }

  @Test
  void anyOtherOptionOfTheEnginesBuilderCanBeSet() {
    PlanStore store = PlanStore.inMemory();
    List<JournalEvent> heard = new ArrayList<>();
    WinBackSimulation sim = WinBackSimulation.builder()
        .engine(engine -> engine.store(store).listener(heard::add).batchSize(7))
        .build();

    sim.start(LostCustomers.lost("c1").build());

    assertThat(store.latestPlan("c1")).isPresent();
    assertThat(heard).isNotEmpty();
    assertThat(sim.winBack().toString()).contains("batchSize=7");
  }

  @Test
  void whatTheSimulationSetsItselfCannotBeSetAgain() {
    WinBackSimulation.Builder builder = WinBackSimulation.builder()
        .engine(engine -> engine.clock(ManualClock.at(WinBackSimulation.DEFAULT_START)));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clock is already set");
  }
}
