package dev.winback.insight;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winback.Experiment;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.ExitCategory;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

  @Test
  void holdoutAssignmentIsStableAndCloseToItsShareOver100kIds() {
    Experiment experiment = Experiment.named("holdout-2026").holdout(0.10).build();
    Experiment restarted = Experiment.named("holdout-2026").holdout(0.10).build();

    int held = 0;
    for (int i = 0; i < 100_000; i++) {
      String id = "customer-" + i;
      String arm = experiment.assign(id);
      assertThat(restarted.assign(id)).isEqualTo(arm);
      held += arm.equals(Experiment.HOLDOUT) ? 1 : 0;
    }

    assertThat(held / 100_000.0).isCloseTo(0.10, within(0.01));
  }

  @Test
  void anotherExperimentNameShufflesTheAssignment() {
    Experiment a = Experiment.named("a").holdout(0.5).build();
    Experiment b = Experiment.named("b").holdout(0.5).build();

    long same = java.util.stream.IntStream.range(0, 10_000)
        .filter(i -> a.assign("c" + i).equals(b.assign("c" + i)))
        .count();

    assertThat(same / 10_000.0).isCloseTo(0.5, within(0.03));
  }

  @Test
  void sharesMustAddUpToAtMostOne() {
    assertThatThrownBy(
            () -> Experiment.named("x").holdout(0.6).variant("v", 0.5, Playbook.standard()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to at most 1");
  }

  @Test
  void theHoldoutIsNeverContactedAndTheOthersGetTheirArmsPlaybook() {
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    Playbook patient = Playbook.standard(Duration.ofDays(35));
    Experiment experiment = Experiment.named("thanks")
        .holdout(0.3)
        .variant("late-thanks", 0.3, patient)
        .build();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .experiment(experiment)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    List<WinBackPlan> plans = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      plans.add(winBack.start(lost("c" + i).build()));
    }
    winBack.start(Customers.leftBecauseOf("dead", ExitCategory.DECEASED).build());
    for (int day = 0; day < 60; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }

    assertThat(plans)
        .extracting(p -> p.arm().orElseThrow())
        .contains("holdout", "late-thanks", "default");
    for (WinBackPlan plan : plans) {
      String arm = plan.arm().orElseThrow();
      assertThat(arm).isEqualTo(experiment.assign(plan.customer().id()));
      assertThat(plan.experiment()).contains("thanks");
      if (arm.equals(Experiment.HOLDOUT)) {
        assertThat(plan.steps()).isEmpty();
        assertThat(host.calls())
            .noneMatch(c -> c.customer().id().equals(plan.customer().id()));
      } else {
        assertThat(plan.playbook())
            .isEqualTo(arm.equals("late-thanks") ? patient.name() : "standard");
      }
    }
    assertThat(winBack.plan("dead").orElseThrow().arm()).isEmpty();
  }

  @Test
  void upliftAgainstTheHoldoutMatchesAHandCalculation() {
    PlanStore store = PlanStore.inMemory();
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    Experiment experiment = Experiment.named("e").holdout(0.5).build();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .experiment(experiment)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    int[] wins = new int[2];
    int[] sizes = new int[2];
    for (int i = 0; i < 400; i++) {
      String id = "c" + i;
      winBack.start(lost(id).build());
      int arm = experiment.assign(id).equals(Experiment.HOLDOUT) ? 0 : 1;
      sizes[arm]++;
      // the treated come back twice as often: every 3rd treated customer, every 6th held-out one
      if (sizes[arm] % (arm == 1 ? 3 : 6) == 0) {
        winBack.markWonBack(id);
        wins[arm]++;
      }
    }

    ExperimentResults results =
        ExperimentResults.of(StoredPlans.in(store), "e", Experiment.HOLDOUT, 100);

    ExperimentResults.Comparison comparison =
        results.comparison(Experiment.DEFAULT).orElseThrow();
    double uplift = (double) wins[1] / sizes[1] - (double) wins[0] / sizes[0];
    assertThat(comparison.uplift()).isCloseTo(uplift, within(1e-12));
    assertThat(comparison.pValue())
        .isCloseTo(
            Statistics.twoProportionPValue(wins[1], sizes[1], wins[0], sizes[0]), within(1e-12));
    assertThat(comparison.interval().above(0)).isTrue();
    assertThat(comparison.verdict()).isEqualTo(ExperimentResults.Verdict.BETTER);
  }

  @Test
  void belowTheMinimumSampleNoWinnerIsNamed() {
    List<WinBackPlan> plans = List.of(
        plan("a", "holdout", false), plan("b", "default", true), plan("c", "default", true));

    ExperimentResults results = ExperimentResults.of(plans, "e", Experiment.HOLDOUT, 30);

    assertThat(results.comparison("default").orElseThrow().verdict())
        .isEqualTo(ExperimentResults.Verdict.NOT_ENOUGH_DATA);
  }

  private static WinBackPlan plan(String id, String arm, boolean won) {
    WinBackPlan.Builder plan = WinBackPlan.builder()
        .id(id)
        .customer(lost(id).build())
        .playbook("p")
        .rule("r")
        .rationale("x")
        .startedAt(LOST_AT)
        .experiment("e")
        .arm(arm);
    if (won) {
      plan.status(PlanStatus.WON_BACK).endedAt(LOST_AT);
    }
    return plan.build();
  }
}
