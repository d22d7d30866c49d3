package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.spi.WinBackListener;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operator's pause racing a runner that has already claimed the plan: whatever the moment, nothing is sent after
 * the pause returned, and the pause is never lost to the runner's record of its step.
 */
class PauseRaceTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("in memory", (OperatorActionsTest.StoreFactory) PlanStore::inMemory),
        Arguments.of("PostgreSQL", (OperatorActionsTest.StoreFactory)
            () -> JdbcPlanStore.create(Databases.newPostgres()).migrate()));
  }

  private WinBack engine(PlanStore store, WinBackListener listener) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .listener(listener)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aPauseAfterTheClaimStopsTheStepBeforeItIsSent(
      String name, OperatorActionsTest.StoreFactory stores) {
    AtomicReference<WinBack> engine = new AtomicReference<>();
    AtomicBoolean pausedOnce = new AtomicBoolean();
    WinBack winBack = engine(stores.create(), new WinBackListener() {
      @Override
      public void onEvent(JournalEvent event) {}

      @Override
      public void onClaimed(int plans) {
        if (pausedOnce.compareAndSet(false, true)) {
          engine.get().operations().pause("c1", "alice");
        }
      }
    });
    engine.set(winBack);
    winBack.start(lost("c1").build());
    clock.advance(Duration.ofDays(2));

    winBack.runDue();

    WinBackPlan plan = winBack.plan("c1").orElseThrow();
    assertThat(pausedOnce).isTrue();
    assertThat(host.calls()).isEmpty();
    assertThat(plan.paused()).isTrue();
    assertThat(plan.steps()).noneMatch(s -> s.status() == StepStatus.RUNNING);

    winBack.operations().resume("c1", "bob");
    winBack.runDue();
    assertThat(host.calls()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aPauseDuringASendWaitsForItAndIsKeptAfterIt(
      String name, OperatorActionsTest.StoreFactory stores) {
    WinBack winBack = engine(stores.create(), event -> {});
    AtomicReference<Thread> pausing = new AtomicReference<>();
    host.answering(context -> {
      if (pausing.get() == null) {
        Thread thread = new Thread(() -> winBack.operations().pause("c1", "alice"));
        pausing.set(thread);
        thread.start();
        awaitBlocked(thread);
      }
      return StepResult.sent("ref-" + context.idempotencyKey());
    });
    winBack.start(lost("c1").build());
    clock.advance(Duration.ofDays(2));

    winBack.runDue();
    join(pausing.get());

    WinBackPlan plan = winBack.plan("c1").orElseThrow();
    assertThat(host.calls()).hasSize(1);
    assertThat(plan.paused()).as("the pause survives the step's record").isTrue();
    assertThat(plan.step(host.calls().get(0).step().index()).status()).isEqualTo(StepStatus.DONE);
    for (int day = 0; day < 60; day++) {
      clock.advance(Duration.ofDays(1));
      winBack.runDue();
    }
    assertThat(host.calls()).hasSize(1);
  }

  /**
   * Waits until the thread is taking the customer's fence (a lock in the JVM or in the database), waits for
   * something, or has finished: whichever way it goes on, the outcome must be the same.
   */
  private static void awaitBlocked(Thread thread) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      Thread.State state = thread.getState();
      if (state == Thread.State.BLOCKED
          || state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING
          || state == Thread.State.TERMINATED
          || Arrays.stream(thread.getStackTrace())
              .anyMatch(frame -> frame.getClassName().contains("Fence")
                  || frame.getClassName().contains("Lock"))) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the pause neither took the fence nor finished");
  }

  private static void join(Thread thread) {
    try {
      thread.join(Duration.ofSeconds(20).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThat(thread.isAlive()).as("the pause returned").isFalse();
  }
}
