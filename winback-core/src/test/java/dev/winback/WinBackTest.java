package dev.winback;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.FailureAction;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.Activity;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WinBackTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final List<JournalEvent> heard = new CopyOnWriteArrayList<>();
  private final List<Activity> crm = new CopyOnWriteArrayList<>();

  private WinBackBuilder wired() {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .listener(heard::add)
        .activities(crm::add);
  }

  private final WinBack winBack = wired().build();

  @Test
  void startingTheSameLossTwiceReturnsTheSamePlan() {
    LostCustomer customer = lost("c1").build();

    WinBackPlan first = winBack.start(customer);
    clock.advance(Duration.ofDays(1));
    WinBackPlan second = winBack.start(customer);

    assertThat(second).isEqualTo(first);
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.PLAN_STARTED)
        .hasSize(1);
  }

  @Test
  void aNewLossOfTheSameCustomerSupersedesTheActivePlan() {
    WinBackPlan first = winBack.start(lost("c1").build());

    WinBackPlan second =
        winBack.start(lost("c1").lostAt(LOST_AT.plusSeconds(3600)).build());

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(winBack.plan("c1")).contains(second);
    assertThat(winBack.history("c1")).anySatisfy(e -> {
      assertThat(e.planId()).isEqualTo(first.id());
      assertThat(e.detail()).startsWith("SUPERSEDED");
    });
  }

  @Test
  void previewStoresNothingAndContactsNobody() {
    WinBackPlan preview = winBack.preview(lost("c1").build());
    winBack.runDue();

    assertThat(preview.steps()).isNotEmpty();
    assertThat(winBack.plan("c1")).isEmpty();
    assertThat(winBack.history("c1")).isEmpty();
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void runDueRunsOnlyStepsThatAreDue() {
    winBack.start(lost("c1").build());

    RunSummary now = winBack.runDue();
    RunSummary again = winBack.runDue();

    assertThat(now).isEqualTo(new RunSummary(1, 0, 0, 0, 0));
    assertThat(again.total()).isZero();
    assertThat(host.calls()).singleElement().satisfies(c -> {
      assertThat(c.idempotencyKey()).matches("wb-[0-9a-f]{32}").doesNotContain("c1");
      assertThat(c.attempt()).isEqualTo(1);
    });
  }

  @Test
  void aFailingStrategyIsRetriedWithExponentialBackoffKeepingItsIdempotencyKey() {
    host.answering(context -> {
      throw new IOException("mail server down");
    });
    winBack.start(lost("c1").build());

    assertThat(winBack.runDue().retried()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(59));
    assertThat(winBack.runDue().total()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(winBack.runDue().retried()).isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    assertThat(winBack.runDue().failed()).isEqualTo(1);

    assertThat(host.calls()).extracting(StepContext::attempt).containsExactly(1, 2, 3);
    assertThat(host.calls())
        .extracting(StepContext::idempotencyKey)
        .hasSize(3)
        .containsOnly(host.calls().get(0).idempotencyKey());
    PlanStep step = winBack.plan("c1").orElseThrow().step(0);
    assertThat(step.status()).isEqualTo(StepStatus.FAILED);
    assertThat(step.outcome())
        .hasValueSatisfying(o -> assertThat(o).contains("java.io.IOException"));
  }

  @Test
  void aStepThatFailsForGoodLetsThePlanGoOnByDefault() {
    host.answering(c -> c.step().index() == 0 ? StepResult.failed("bounced") : StepResult.sent());
    winBack.start(lost("c1").build());

    clock.advance(Duration.ofDays(10));
    for (int i = 0; i < 4; i++) {
      winBack.runDue();
      clock.advance(Duration.ofHours(4));
    }

    WinBackPlan plan = winBack.plan("c1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan.step(0).status()).isEqualTo(StepStatus.FAILED);
    assertThat(plan.step(1).status()).isEqualTo(StepStatus.DONE);
  }

  @Test
  void aStepThatFailsForGoodHaltsThePlanWhenThePlaybookSaysSo() {
    Playbook halting = Playbook.builder()
        .from(Playbook.standard())
        .maxAttempts(1)
        .onStepFailure(FailureAction.HALT)
        .build();
    WinBack strict = WinBack.builder()
        .clock(clock)
        .playbook(halting)
        .feedback(c -> StepResult.failed("no survey tool"))
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    strict.start(lost("c1").build());

    strict.runDue();
    clock.advance(Duration.ofDays(200));
    strict.runDue();

    WinBackPlan plan = strict.plan("c1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.HALTED);
    assertThat(plan.steps())
        .extracting(PlanStep::status)
        .containsOnly(StepStatus.FAILED, StepStatus.CANCELLED);
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void aStrategyThatThrowsAnErrorLeavesThePlanConsistent() {
    host.answering(context -> {
      throw new AssertionError("host bug");
    });
    winBack.start(lost("c1").build());

    winBack.runDue();

    PlanStep step = winBack.plan("c1").orElseThrow().step(0);
    assertThat(step.status()).isEqualTo(StepStatus.PENDING);
    assertThat(step.attempts()).isEqualTo(1);
  }

  @Test
  void thePlanEndsUnresponsiveWhenEveryStepRanWithoutAnAnswer() {
    winBack.start(lost("c1").build());

    for (int day = 0; day <= 120; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }

    WinBackPlan plan = winBack.plan("c1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.UNRESPONSIVE);
    assertThat(plan.endedAt()).isPresent();
    assertThat(plan.steps()).extracting(PlanStep::status).containsOnly(StepStatus.DONE);
  }

  @Test
  void theJournalRecordsEveryChangeInOrderAndTellsTheListenersAndTheCrm() {
    winBack.start(leftBecauseOf("c1", ExitCategory.SERVICE_FAILURE).build());
    winBack.runDue();
    winBack.markWonBack("c1");

    List<JournalEvent> journal = winBack.history("c1");

    assertThat(journal)
        .extracting(JournalEvent::type)
        .containsSubsequence(
            EventType.PLAN_STARTED,
            EventType.STEP_DONE,
            EventType.RESPONSE_RECORDED,
            EventType.STEP_CANCELLED,
            EventType.PLAN_ENDED);
    assertThat(heard).isEqualTo(journal);
    assertThat(crm)
        .extracting(Activity::type)
        .doesNotContain(EventType.STEP_CANCELLED)
        .contains(EventType.PLAN_STARTED, EventType.STEP_DONE, EventType.PLAN_ENDED);
  }

  @Test
  void aListenerOrCrmThatThrowsChangesNothing() {
    WinBack fragile = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .activities(a -> {
          throw new IOException("CRM down");
        })
        .build();

    fragile.start(lost("c1").build());
    fragile.runDue();

    assertThat(fragile.plan("c1").orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
  }

  @Test
  void operationsOnAnUnknownCustomerSayWhatToDo() {
    assertThatThrownBy(() -> winBack.optOut("nobody"))
        .isInstanceOf(UnknownCustomerException.class)
        .hasMessageContaining("start one with WinBack.start(customer) first");
  }

  @Test
  void settingAnOptionTwiceFails() {
    assertThatThrownBy(() -> WinBack.builder().clock(clock).clock(clock))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clock is already set");
  }

  @Test
  void buildingWithoutAStrategyThePlaybookNeedsFailsNamingIt() {
    assertThatThrownBy(() -> WinBack.builder().feedback(FeedbackStrategy.none()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("apology(ApologyStrategy)")
        .hasMessageContaining("incentives(IncentiveStrategy)")
        .hasMessageContaining("reEngagement(ReEngagementStrategy)");
  }

  @Test
  void stockNoneStrategiesSkipStepsWithAReason() {
    WinBack quiet = WinBack.builder()
        .clock(clock)
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .store(PlanStore.inMemory())
        .build();
    quiet.start(lost("c1").build());

    assertThat(quiet.runDue().skipped()).isEqualTo(1);
    assertThat(quiet.plan("c1").orElseThrow().step(0).outcome())
        .contains("no feedback requests configured");
  }

  @Test
  void stepsAreClaimedInPlanOrderSoALaterStepNeverOvertakesAnEarlierOne() {
    host.answering(c -> c.step().index() == 0 ? StepResult.failed("busy") : StepResult.sent());
    winBack.start(leftBecauseOf("c1", ExitCategory.SERVICE_FAILURE).build());
    clock.advance(Duration.ofDays(2));

    winBack.runDue();

    assertThat(host.calls()).extracting(c -> c.step().index()).containsOnly(0);
  }

  @Test
  void aPlanWaitingForARetryDoesNotHoldUpOtherPlans() {
    Playbook slowRetries = Playbook.builder()
        .from(Playbook.standard())
        .retryBackoff(Duration.ofDays(10))
        .build();
    Recorder failingForA = new Recorder()
        .answering(c -> c.customer().id().equals("a") && c.step().index() == 0
            ? StepResult.failed("bounced")
            : StepResult.sent());
    WinBack oneAtATime = WinBack.builder()
        .clock(clock)
        .playbook(slowRetries)
        .batchSize(1)
        .feedback(failingForA)
        .apology(failingForA)
        .incentives(failingForA)
        .reEngagement(failingForA)
        .build();
    oneAtATime.start(lost("a").build());
    oneAtATime.start(lost("b").build());
    oneAtATime.runDue(); // a's first step fails and waits 10 days; b's first step is sent
    clock.advance(Duration.ofDays(
        4)); // a's and b's goodbyes (day 3) are due; a's must wait for its first step

    oneAtATime.runDue();

    assertThat(oneAtATime.plan("b").orElseThrow().step(1).status()).isEqualTo(StepStatus.DONE);
    assertThat(oneAtATime.plan("a").orElseThrow().step(1).status()).isEqualTo(StepStatus.PENDING);
  }

  @Test
  void theEngineDescribesItsConfiguration() {
    assertThat(winBack.toString()).contains("playbook=standard").contains("InMemoryPlanStore");
    assertThat(winBack.playbook()).isEqualTo(Playbook.standard());
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
  }
}
