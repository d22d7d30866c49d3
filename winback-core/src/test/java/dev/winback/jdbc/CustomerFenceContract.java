package dev.winback.jdbc;

import static dev.winback.jdbc.PlanStoreContract.ended;
import static dev.winback.jdbc.PlanStoreContract.event;
import static dev.winback.jdbc.PlanStoreContract.next;
import static dev.winback.jdbc.PlanStoreContract.plan;
import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store's {@link CustomerFence} must do: decisions about a customer wait for the sends to them in
 * progress, sends see the decisions made before them, customers never wait for each other, and (on stores with
 * transactions) a decision's writes commit or roll back together. Each store runs these tests on a real instance.
 */
abstract class CustomerFenceContract {
  protected PlanStore store;
  protected SuppressionList suppressions;

  /** A new, empty store. */
  protected abstract PlanStore newStore();

  /** A suppression list on the same database as {@link #store}. */
  protected abstract SuppressionList newSuppressionList();

  /** Whether a decision's writes are one transaction, rolled back when it throws. */
  protected abstract boolean transactional();

  /** Waits until {@code waiting} waits for the fence (checking again and again; no sleep). */
  protected abstract void awaitWaitingForTheFence(Thread waiting);

  @BeforeEach
  void freshStore() {
    store = newStore();
    suppressions = newSuppressionList();
  }

  /** Work on a thread of its own, whose state a test can watch. */
  static final class Worker<T> {
    final FutureTask<T> task;
    final Thread thread;

    Worker(Callable<T> work) {
      task = new FutureTask<>(work);
      thread = new Thread(task);
      thread.start();
    }

    T result() throws Exception {
      return task.get(30, TimeUnit.SECONDS);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private WinBackPlan started(String customerId) {
    WinBackPlan plan = plan(customerId, LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "started")));
    return plan;
  }

  @Test
  void theStoreHasOneFence() {
    assertThat(store.fence()).isSameAs(store.fence());
  }

  @Test
  void aDecisionWaitsForASendInProgressToTheSameCustomerAndReturnsOnlyAfterIt() throws Exception {
    WinBackPlan plan = started("a");
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Worker<Optional<String>> send = new Worker<>(() -> store.fence().send("a", plan.id(), 0, () -> {
      sending.countDown();
      await(finish);
      order.add("send returned");
      return "sent";
    }));
    await(sending);

    Worker<String> decide = new Worker<>(() -> store.fence().decide("a", () -> {
      order.add("decided");
      return "opted out";
    }));
    awaitWaitingForTheFence(decide.thread);
    assertThat(order).as("the decision waits while the send is in progress").isEmpty();
    finish.countDown();

    assertThat(decide.result()).isEqualTo("opted out");
    assertThat(send.result()).contains("sent");
    assertThat(order).containsExactly("send returned", "decided");
  }

  @Test
  void aSendForAPlanVersionThatADecisionChangedNeverRuns() {
    WinBackPlan plan = started("a");
    store.fence().decide("a", () -> store.update(ended(plan, PlanStatus.OPTED_OUT), List.of()));
    AtomicBoolean ran = new AtomicBoolean();

    assertThat(store.fence().send("a", plan.id(), 0, () -> ran.getAndSet(true))).isEmpty();
    assertThat(store.fence().send("a", "no such plan", 0, () -> ran.getAndSet(true)))
        .isEmpty();
    assertThat(ran).isFalse();
    assertThat(store.fence().send("a", plan.id(), 1, () -> "the current version"))
        .contains("the current version");
  }

  @Test
  void aSendWaitingForADecisionSeesItsChangeOnceItCommitsAndDoesNotRun() throws Exception {
    WinBackPlan plan = started("a");
    CountDownLatch deciding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Worker<Boolean> decide = new Worker<>(() -> store.fence().decide("a", () -> {
      boolean updated = store.update(ended(plan, PlanStatus.OPTED_OUT), List.of());
      deciding.countDown();
      await(finish);
      return updated;
    }));
    await(deciding);
    AtomicBoolean ran = new AtomicBoolean();

    Worker<Optional<Boolean>> send =
        new Worker<>(() -> store.fence().send("a", plan.id(), 0, () -> ran.getAndSet(true)));
    awaitWaitingForTheFence(send.thread);
    finish.countDown();

    assertThat(decide.result()).isTrue();
    assertThat(send.result()).isEmpty();
    assertThat(ran).isFalse();
  }

  @Test
  void aDecisionAboutAnotherCustomerIsNotHeldUpByALongSend() throws Exception {
    WinBackPlan a = started("a");
    WinBackPlan b = started("b");
    long[] elapsed = new long[2];
    for (int round = 0; round < 2; round++) { // the first round warms up connections and code
      CountDownLatch sending = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      Worker<Optional<String>> send = new Worker<>(() -> store.fence().send("a", a.id(), 0, () -> {
        sending.countDown();
        await(finish); // the host hangs
        return "sent";
      }));
      await(sending);

      long start = System.nanoTime();
      Optional<WinBackPlan> decided = store.fence().decide("b", () -> store.latestPlan("b"));
      elapsed[round] = System.nanoTime() - start;

      assertThat(decided).contains(b);
      finish.countDown();
      assertThat(send.result()).contains("sent");
    }
    assertThat(Duration.ofNanos(elapsed[1])).isLessThan(Duration.ofMillis(50));
  }

  @Test
  void aDecisionThatThrowsRollsBackItsPlanAndSuppressionListWritesTogether() {
    Assumptions.assumeTrue(transactional());
    WinBackPlan plan = started("a");
    LostCustomer customer = lost("a").build();

    assertThatThrownBy(() -> store.fence().decide("a", () -> {
          store.update(
              ended(plan, PlanStatus.OPTED_OUT),
              List.of(event(plan, EventType.PLAN_ENDED, "opted out")));
          suppressions.add(customer, Suppression.DO_NOT_CONTACT);
          throw new IllegalStateException("the host's decision failed");
        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the host's decision failed");

    assertThat(store.find(plan.id())).contains(plan);
    assertThat(store.journal("a"))
        .extracting(JournalEvent::type)
        .containsExactly(EventType.PLAN_STARTED);
    assertThat(suppressions.lookup(customer)).isEmpty();
  }

  @Test
  void aDecisionsPlanAndSuppressionListWritesAreSeenTogetherWhenItReturns() throws Exception {
    Assumptions.assumeTrue(transactional());
    WinBackPlan plan = started("a");
    LostCustomer customer = lost("a").build();

    String seenMeanwhile = store.fence().decide("a", () -> {
      store.update(ended(plan, PlanStatus.OPTED_OUT), List.of());
      suppressions.add(customer, Suppression.DO_NOT_CONTACT);
      try { // another thread, on other connections, sees neither yet
        return new Worker<>(() -> store.find(plan.id()).orElseThrow().status() + " "
                + suppressions.lookup(customer).isPresent())
            .result();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(seenMeanwhile).isEqualTo("ACTIVE false");
    assertThat(store.find(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(suppressions.lookup(customer)).contains(Suppression.DO_NOT_CONTACT);
  }

  @Test
  void aDecisionInsideADecisionJoinsIt() {
    WinBackPlan plan = started("a");

    boolean updated = store
        .fence()
        .decide("a", () -> store.fence().decide("a", () -> store.update(next(plan), List.of())));

    assertThat(updated).isTrue();
    assertThat(store.find(plan.id()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void theStoreCanBeReadAndWrittenInsideASend() {
    WinBackPlan plan = started("a");

    Optional<String> sent = store.fence().send("a", plan.id(), 0, () -> {
      store.update(next(plan), List.of(event(plan, EventType.STEP_DONE, "sent")));
      return store.latestPlan("a").orElseThrow().version() + " "
          + store.journal("a").size();
    });

    assertThat(sent).contains("1 2");
  }

  @Test
  void aDecisionAboutACustomerInsideASendToThemIsRefusedRatherThanWaitingForItself() {
    WinBackPlan plan = started("a");

    assertThatThrownBy(() ->
            store.fence().send("a", plan.id(), 0, () -> store.fence().decide("a", () -> "no")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wait for itself");
    assertThat(store.fence().decide("a", () -> "the fence is free again"))
        .isEqualTo("the fence is free again");
  }

  @Test
  void racingDecisionsThatEachStartANewPlanEndWithExactlyOneActivePlan() throws Exception {
    for (int round = 0; round < 10; round++) {
      String customer = "r" + round;
      started(customer);
      CyclicBarrier together = new CyclicBarrier(2);
      List<Worker<WinBackPlan>> racers = new ArrayList<>();
      for (int racer = 1; racer <= 2; racer++) {
        WinBackPlan fresh = plan(customer, LOST_AT.plusSeconds(racer), 0);
        racers.add(new Worker<>(() -> {
          together.await();
          return store.fence().decide(customer, () -> {
            store
                .latestPlan(customer)
                .filter(latest -> latest.status().isActive())
                .ifPresent(latest -> assertThat(
                        store.update(ended(latest, PlanStatus.SUPERSEDED), List.of()))
                    .isTrue());
            return store.insertIfAbsent(
                fresh, List.of(event(fresh, EventType.PLAN_STARTED, "new loss")));
          });
        }));
      }
      for (Worker<WinBackPlan> racer : racers) {
        racer.result();
      }

      assertThat(store.plans(customer))
          .hasSize(3)
          .filteredOn(plan -> plan.status() == PlanStatus.ACTIVE)
          .hasSize(1);
    }
  }

  // -------------------------------------------------------------------------------------------
  // runs of sends

  @Test
  void aDecisionWaitsForASendInProgressInARunAndReturnsOnlyAfterIt() throws Exception {
    WinBackPlan plan = started("a");
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Worker<Optional<String>> run = new Worker<>(() -> {
      try (CustomerFence.Sends sends = store.fence().sends()) {
        return sends.send("a", plan.id(), 0, () -> {
          sending.countDown();
          await(finish);
          order.add("send returned");
          return "sent";
        });
      }
    });
    await(sending);

    Worker<String> decide = new Worker<>(() -> store.fence().decide("a", () -> {
      order.add("decided");
      return "opted out";
    }));
    awaitWaitingForTheFence(decide.thread);
    assertThat(order).as("the decision waits while the send is in progress").isEmpty();
    finish.countDown();

    assertThat(decide.result()).isEqualTo("opted out");
    assertThat(run.result()).contains("sent");
    assertThat(order).containsExactly("send returned", "decided");
  }

  @Test
  void aSendInARunForAPlanVersionThatADecisionChangedNeverRuns() {
    WinBackPlan plan = started("a");
    store.fence().decide("a", () -> store.update(ended(plan, PlanStatus.OPTED_OUT), List.of()));
    AtomicBoolean ran = new AtomicBoolean();

    try (CustomerFence.Sends sends = store.fence().sends()) {
      assertThat(sends.send("a", plan.id(), 0, () -> ran.getAndSet(true))).isEmpty();
      assertThat(sends.send("a", "no such plan", 0, () -> ran.getAndSet(true))).isEmpty();
      assertThat(ran).isFalse();
      assertThat(sends.send("a", plan.id(), 1, () -> "the current version"))
          .contains("the current version");
    }
  }

  @Test
  void theNextSendOfARunLetsGoOfThePreviousCustomerSoDecisionsAboutThemReturnWhileTheRunGoesOn()
      throws Exception {
    WinBackPlan a = started("a");
    WinBackPlan b = started("b");
    try (CustomerFence.Sends sends = store.fence().sends()) {
      assertThat(sends.send("a", a.id(), 0, () -> "sent to a")).contains("sent to a");

      Optional<String> decidedWhileSendingToB = sends.send("b", b.id(), 0, () -> {
        try {
          return new Worker<>(() -> store.fence().decide("a", () -> "decided about a")).result();
        } catch (Exception e) {
          throw new IllegalStateException("the decision about a did not return", e);
        }
      });

      assertThat(decidedWhileSendingToB)
          .as("a's hold ended when the send to b took its own")
          .contains("decided about a");
    }
  }

  @Test
  void aSettledRunHoldsNoCustomerAndAClosedRunNothing() throws Exception {
    WinBackPlan a = started("a");
    try (CustomerFence.Sends sends = store.fence().sends()) {
      assertThat(sends.send("a", a.id(), 0, () -> "sent")).contains("sent");
      sends.settle();

      Worker<String> decide = new Worker<>(() -> store.fence().decide("a", () -> "decided"));
      assertThat(decide.result()).as("no hold is left after settle").isEqualTo("decided");
    }
    Worker<String> afterClose =
        new Worker<>(() -> store.fence().decide("a", () -> "decided again"));
    assertThat(afterClose.result()).isEqualTo("decided again");
  }

  @Test
  void aDecisionOnTheRunsOwnThreadNeverWaitsForTheRunsCarriedHold() {
    WinBackPlan a = started("a");
    try (CustomerFence.Sends sends = store.fence().sends()) {
      assertThat(sends.send("a", a.id(), 0, () -> "sent")).contains("sent");

      boolean updated = store.fence().decide("a", () -> store.update(next(a), List.of()));

      assertThat(updated).isTrue();
      assertThat(sends.send("a", a.id(), 0, () -> "an old version")).isEmpty();
      assertThat(sends.send("a", a.id(), 1, () -> "the new version")).contains("the new version");
    }
  }

  @Test
  void aRunBelongsToTheThreadThatOpenedItAndEndsAtClose() throws Exception {
    WinBackPlan a = started("a");
    CustomerFence.Sends sends = store.fence().sends();
    Worker<Optional<String>> elsewhere =
        new Worker<>(() -> sends.send("a", a.id(), 0, () -> "sent"));
    assertThatThrownBy(elsewhere::result)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("thread that opened it");

    sends.close();
    sends.close(); // closing twice is harmless

    assertThatThrownBy(() -> sends.send("a", a.id(), 0, () -> "sent"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
