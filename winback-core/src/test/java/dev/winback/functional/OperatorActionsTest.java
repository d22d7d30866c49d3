package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.Operations;
import dev.winback.UnknownCustomerException;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.model.EventType;
import dev.winback.model.FailureAction;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an operator does to a customer's plan (pause, resume, end, retry a failed step, opt out, suppress) changes it
 * as asked, is journalled with the operator's name, and is refused with a clear error when it does not apply; the
 * operator's view (backlog, funnel, failures) is the same on every store.
 */
class OperatorActionsTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("in memory", (StoreFactory) PlanStore::inMemory),
        Arguments.of(
            "H2", (StoreFactory) () -> JdbcPlanStore.create(Databases.newH2()).migrate()),
        Arguments.of("PostgreSQL", (StoreFactory)
            () -> JdbcPlanStore.create(Databases.newPostgres()).migrate()));
  }

  interface StoreFactory {
    PlanStore create();
  }

  private WinBack engine(PlanStore store) {
    return engine(store, Playbook.standard());
  }

  private WinBack engine(PlanStore store, Playbook playbook) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private static List<JournalEvent> actions(WinBack winBack, String customerId) {
    return winBack.history(customerId).stream()
        .filter(e -> e.type() == EventType.OPERATOR_ACTION)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aPausedPlanRunsNothingUntilResumedAndTheJournalNamesWhoDidBoth(
      String name, StoreFactory stores) {
    WinBack winBack = engine(stores.create());
    Operations operations = winBack.operations();
    winBack.start(lost("c1").build());

    WinBackPlan paused = operations.pause("c1", "alice");
    clock.advance(Duration.ofDays(2));
    winBack.runDue();

    assertThat(paused.paused()).isTrue();
    assertThat(paused.nextDue()).isEmpty();
    assertThat(host.calls()).isEmpty();
    assertThat(operations.backlog().duePlans()).isZero();

    operations.resume("c1", "bob");
    assertThat(operations.backlog().duePlans()).isEqualTo(1);
    assertThat(operations.backlog().lag(clock.instant())).isEqualTo(Duration.ofDays(2));
    winBack.runDue();

    assertThat(host.calls()).hasSize(1);
    assertThat(actions(winBack, "c1"))
        .extracting(JournalEvent::detail)
        .containsExactly("operator 'alice' paused the plan", "operator 'bob' resumed the plan");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void anEndedPlanIsClosedWithItsPendingStepsCancelled(String name, StoreFactory stores) {
    WinBack winBack = engine(stores.create());
    winBack.start(lost("c1").build());

    WinBackPlan ended = winBack.operations().end("c1", "alice");

    assertThat(ended.status()).isEqualTo(PlanStatus.CLOSED);
    assertThat(ended.steps()).allMatch(s -> s.status() == StepStatus.CANCELLED);
    assertThat(actions(winBack, "c1"))
        .singleElement()
        .extracting(JournalEvent::detail)
        .isEqualTo("operator 'alice' ended the plan");
    assertThat(winBack.operations().planCounts())
        .containsEntry(PlanStatus.CLOSED, 1L)
        .containsEntry(PlanStatus.ACTIVE, 0L)
        .hasSize(PlanStatus.values().length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aRetriedFailedStepReopensTheHaltedPlanAndRunsAgain(String name, StoreFactory stores) {
    AtomicBoolean surveyToolDown = new AtomicBoolean(true);
    Playbook halting = Playbook.builder()
        .from(Playbook.standard())
        .maxAttempts(1)
        .onStepFailure(FailureAction.HALT)
        .build();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(stores.create())
        .playbook(halting)
        .feedback(
            c -> surveyToolDown.get() ? StepResult.failed("no survey tool") : StepResult.sent())
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(lost("c1").build());
    winBack.runDue();
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.HALTED);
    assertThat(winBack.operations().recentFailures(10)).singleElement().satisfies(failure -> {
      assertThat(failure.type()).isEqualTo(EventType.STEP_FAILED);
      assertThat(failure.customerId()).isEqualTo("c1");
    });

    surveyToolDown.set(false);
    clock.advance(Duration.ofHours(1));
    WinBackPlan retried = winBack.operations().retryStep("c1", 0, "alice");
    winBack.runDue();

    assertThat(retried.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(retried.step(0).status()).isEqualTo(StepStatus.PENDING);
    assertThat(winBack.plan("c1").orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(actions(winBack, "c1"))
        .singleElement()
        .extracting(JournalEvent::detail)
        .isEqualTo(
            "operator 'alice' retried the failed FEEDBACK_REQUEST step and reopened the halted plan");
    assertThat(winBack.operations().recentActions(10)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void anErasedCustomersAnonymousRecordIsLeftAsItEndedByEveryAction(
      String name, StoreFactory stores) {
    AtomicBoolean surveyToolDown = new AtomicBoolean(true);
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(stores.create())
        .playbook(Playbook.builder()
            .from(Playbook.standard())
            .maxAttempts(1)
            .onStepFailure(FailureAction.HALT)
            .build())
        .feedback(
            c -> surveyToolDown.get() ? StepResult.failed("no survey tool") : StepResult.sent())
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(lost("c1").build());
    winBack.runDue();
    winBack.erase("c1");
    String anonymous = winBack.operations().recentFailures(10).get(0).customerId();
    surveyToolDown.set(false);

    int journalled = winBack.history(anonymous).size();
    Operations operations = winBack.operations();

    assertThatThrownBy(() -> operations.retryStep(anonymous, 0, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("erased");
    assertThatThrownBy(() -> operations.optOut(anonymous, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("erased");
    assertThatThrownBy(() -> operations.suppress(anonymous, Suppression.LEGAL_HOLD, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("erased");

    assertThat(winBack.plan(anonymous).orElseThrow().status()).isEqualTo(PlanStatus.HALTED);
    assertThat(winBack.history(anonymous)).hasSize(journalled);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void anOperatorsOptOutAndSuppressionAreTheCustomersAndNameTheOperator(
      String name, StoreFactory stores) {
    WinBack winBack = engine(stores.create());
    winBack.start(lost("c1").build());
    winBack.start(lost("c2").build());

    assertThat(winBack.operations().optOut("c1", "alice").status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(winBack.operations().suppress("c2", Suppression.DECEASED, "bob").status())
        .isEqualTo(PlanStatus.SUPPRESSED);

    assertThat(actions(winBack, "c1"))
        .singleElement()
        .extracting(JournalEvent::detail)
        .isEqualTo("operator 'alice' opted the customer out");
    assertThat(actions(winBack, "c2"))
        .singleElement()
        .extracting(JournalEvent::detail)
        .isEqualTo("operator 'bob' suppressed the customer (DECEASED)");
    assertThat(winBack.operations().recentActions(1))
        .singleElement()
        .extracting(JournalEvent::customerId)
        .isIn("c1", "c2");
    clock.advance(Duration.ofDays(30));
    winBack.runDue();
    assertThat(host.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void actionsThatDoNotApplyAreRefusedAndChangeNothing(String name, StoreFactory stores) {
    WinBack winBack = engine(stores.create());
    Operations operations = winBack.operations();
    winBack.start(lost("c1").build());
    List<JournalEvent> before = winBack.history("c1");

    assertThatThrownBy(() -> operations.resume("c1", "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not paused");
    assertThatThrownBy(() -> operations.retryStep("c1", 0, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PENDING, not FAILED");
    assertThatThrownBy(() -> operations.retryStep("c1", 99, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no step 99");
    assertThatThrownBy(() -> operations.pause("c1", " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("operator");
    assertThatThrownBy(() -> operations.pause("nobody", "alice"))
        .isInstanceOf(UnknownCustomerException.class);
    assertThatThrownBy(() -> operations.recentFailures(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("limit");
    assertThat(winBack.history("c1")).isEqualTo(before);

    operations.end("c1", "alice");
    assertThatThrownBy(() -> operations.pause("c1", "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already ended as CLOSED");
    assertThatThrownBy(() -> operations.end("c1", "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already ended");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void theBacklogCountsDuePlansAndKnowsTheOldest(String name, StoreFactory stores) {
    WinBack winBack = engine(stores.create());
    assertThat(winBack.operations().backlog().duePlans()).isZero();
    assertThat(winBack.operations().backlog().lag(clock.instant())).isZero();

    winBack.start(lost("c1").build());
    clock.advance(Duration.ofMinutes(10));
    winBack.start(lost("c2").lostAt(clock.instant()).build());
    clock.advance(Duration.ofMinutes(5));

    assertThat(winBack.operations().backlog().duePlans()).isEqualTo(2);
    assertThat(winBack.operations().backlog().lag(clock.instant()))
        .isEqualTo(Duration.ofMinutes(15));
    winBack.runDue();
    assertThat(winBack.operations().backlog().duePlans()).isZero();
  }
}
