package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.spi.WinBackListener;
import dev.winback.testing.Recorder;
import dev.winback.testing.StoreWrapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong with one customer (a host callback that throws, returns null or raises an {@link Error}, a
 * record that cannot be written) stays with that customer: every other customer is served, nobody's step is invoked
 * twice because of it, and the poisoned customer can still be exported and erased. Each store runs these tests.
 */
abstract class PoisonIsolationContract {
  private static final int CUSTOMERS = 20;
  private static final String POISON = "c7";

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
  private final Recorder host = new Recorder().answering(context -> {
    invocations
        .computeIfAbsent(context.idempotencyKey(), k -> new AtomicInteger())
        .incrementAndGet();
    return StepResult.sent("ref-" + context.idempotencyKey());
  });

  /** Set once every plan has started: the host's policy fails only when steps run. */
  private volatile boolean running;

  private WinBack engine(PlanStore store, ContactPolicy policy, WinBackListener listener) {
    ContactPolicy failingLater =
        request -> running ? policy.evaluate(request) : ContactDecision.allow();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .contactPolicy(failingLater)
        .listener(listener)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    for (int i = 0; i < CUSTOMERS; i++) {
      winBack.start(lost("c" + i).build());
    }
    clock.advance(Duration.ofDays(1));
    running = true;
    return winBack;
  }

  /** A new, empty store. */
  protected abstract PlanStore newStore();

  private WinBack engine(ContactPolicy policy) {
    return engine(newStore(), policy, event -> {});
  }

  /** The poisoned customer's data can still be exported, then erased. */
  private static void assertThePoisonIsExportableAndErasable(WinBack winBack) {
    assertThat(winBack.export(POISON))
        .contains(winBack.plan(POISON).orElseThrow().id());
    winBack.erase(POISON);
    assertThat(winBack.plan(POISON)).isEmpty();
  }

  private void assertEveryoneButThePoisonWasServedOnce(WinBack winBack) {
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "c" + i;
      if (!id.equals(POISON)) {
        assertThat(winBack.plan(id).orElseThrow().step(0).status())
            .as(id)
            .isEqualTo(StepStatus.DONE);
      }
    }
    assertThat(invocations.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  private static List<JournalEvent> events(WinBack winBack, EventType type) {
    return winBack.history(POISON).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void aContactPolicyThatThrowsForOneCustomerFailsOnlyThatCustomersAttempt() {
    WinBack winBack = engine(request -> {
      if (request.customer().id().equals(POISON)) {
        throw new IllegalStateException("the CRM lookup for this customer failed");
      }
      return ContactDecision.allow();
    });

    winBack.runDue();
    winBack.runDue();

    assertEveryoneButThePoisonWasServedOnce(winBack);
    assertThat(winBack.plan(POISON).orElseThrow().step(0).status()).isEqualTo(StepStatus.PENDING);
    assertThat(events(winBack, EventType.STEP_RETRY_SCHEDULED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail())
            .contains("the contact check threw java.lang.IllegalStateException")
            .doesNotContain("CRM lookup"));
    assertThePoisonIsExportableAndErasable(winBack);
  }

  @Test
  void aContactPolicyThatReturnsNullForOneCustomerFailsOnlyThatCustomersAttempt() {
    WinBack winBack =
        engine(request -> request.customer().id().equals(POISON) ? null : ContactDecision.allow());

    winBack.runDue();

    assertEveryoneButThePoisonWasServedOnce(winBack);
    assertThat(events(winBack, EventType.STEP_RETRY_SCHEDULED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("the contact check threw"));
    assertThePoisonIsExportableAndErasable(winBack);
  }

  @Test
  void anErrorInOneStrategyCallFailsThatStepAndLeavesNothingRunning() {
    Recorder throwing = new Recorder().answering(context -> {
      if (context.customer().id().equals(POISON)) {
        throw new StackOverflowError();
      }
      return host.requestFeedback(context);
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(newStore())
        .feedback(throwing)
        .apology(throwing)
        .incentives(throwing)
        .reEngagement(throwing)
        .build();
    for (int i = 0; i < CUSTOMERS; i++) {
      winBack.start(lost("c" + i).build());
    }
    clock.advance(Duration.ofDays(1));

    winBack.runDue();

    assertEveryoneButThePoisonWasServedOnce(winBack);
    WinBackPlan poisoned = winBack.plan(POISON).orElseThrow();
    assertThat(poisoned.steps()).noneMatch(step -> step.status() == StepStatus.RUNNING);
    assertThat(poisoned.step(0).outcome())
        .hasValueSatisfying(
            o -> assertThat(o).contains("the strategy threw java.lang.StackOverflowError"));
    assertThePoisonIsExportableAndErasable(winBack);
  }

  @Test
  void aStrategysExceptionReachesTheListeners() {
    List<Throwable> heard = new CopyOnWriteArrayList<>();
    IllegalArgumentException thrown = new IllegalArgumentException("bounced");
    Recorder failing = new Recorder().answering(context -> {
      throw thrown;
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(newStore())
        .listener(new WinBackListener() {
          @Override
          public void onEvent(JournalEvent event) {}

          @Override
          public void onStrategyFailure(StepContext context, Throwable failure) {
            heard.add(failure);
          }
        })
        .feedback(failing)
        .apology(failing)
        .incentives(failing)
        .reEngagement(failing)
        .build();
    winBack.start(lost("c1").build());
    clock.advance(Duration.ofDays(1));

    winBack.runDue();

    assertThat(heard).containsExactly(thrown);
  }

  @Test
  void listenersAndActivityWritersThatThrowErrorsStopNothing() {
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(newStore())
        .listener(event -> {
          throw new AssertionError("listener bug");
        })
        .activities(activity -> {
          throw new OutOfMemoryError("pretend");
        })
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    for (int i = 0; i < CUSTOMERS; i++) {
      winBack.start(lost("c" + i).build());
    }
    clock.advance(Duration.ofDays(1));

    winBack.runDue();

    for (int i = 0; i < CUSTOMERS; i++) {
      assertThat(winBack.plan("c" + i).orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
    }
  }

  @Test
  void aPlanWhoseResultCannotBeWrittenIsQuarantinedAndTheBatchIsNotInvokedAgain() {
    PlanStore inner = newStore();
    PlanStore store = StoreWrapper.failingUpdatesOf(
        inner,
        plan -> plan.customer().id().equals(POISON)
            && plan.status() != PlanStatus.QUARANTINED
            && plan.steps().stream().anyMatch(step -> step.status() == StepStatus.DONE));
    WinBack winBack = engine(store, request -> ContactDecision.allow(), event -> {});

    winBack.runDue();
    winBack.runDue();
    clock.advance(Duration.ofDays(1));
    winBack.runDue();

    assertThat(invocations.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    for (int i = 0; i < CUSTOMERS; i++) {
      if (!("c" + i).equals(POISON)) {
        assertThat(winBack.plan("c" + i).orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
      }
    }
    assertThat(winBack.plan(POISON).orElseThrow().status()).isEqualTo(PlanStatus.QUARANTINED);
    assertThat(events(winBack, EventType.PLAN_QUARANTINED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains(StoreWrapper.Refused.class.getName()));
    assertThat(winBack.export(POISON)).contains("QUARANTINED");
    assertThePoisonIsExportableAndErasable(winBack);
  }
}
