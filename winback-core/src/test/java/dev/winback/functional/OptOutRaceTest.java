package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.PlanStatus;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;

/** An opt-out racing a runDue on other threads never lets a message through once optOut has returned. */
class OptOutRaceTest {

  @RepeatedTest(20)
  void noMessageStartsAfterOptOutHasReturned() throws Exception {
    ManualClock clock = ManualClock.at(LOST_AT);
    AtomicLong ticks = new AtomicLong();
    Map<String, Long> optedOutAt = new ConcurrentHashMap<>();
    Map<String, List<Long>> sendsStartedAt = new ConcurrentHashMap<>();
    Recorder host = new Recorder().answering(context -> {
      long started = ticks.incrementAndGet();
      sendsStartedAt
          .computeIfAbsent(
              context.customer().id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
          .add(started);
      Thread.onSpinWait(); // a send takes a moment, widening the race
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .batchSize(16)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    int customers = 400;
    for (int i = 0; i < customers; i++) {
      winBack.start(lost("c" + i).build());
    }
    clock.advance(Duration.ofDays(100)); // every step of every plan is due at once

    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<?> runnerA = pool.submit(() -> awaitThen(go, winBack::runDue));
      Future<?> runnerB = pool.submit(() -> awaitThen(go, winBack::runDue));
      Future<?> optOuts = pool.submit(() -> awaitThen(go, () -> {
        for (int i = customers - 1; i >= 0; i -= 2) {
          winBack.optOut("c" + i);
          optedOutAt.put("c" + i, ticks.incrementAndGet());
        }
      }));
      go.countDown();
      runnerA.get(30, TimeUnit.SECONDS);
      runnerB.get(30, TimeUnit.SECONDS);
      optOuts.get(30, TimeUnit.SECONDS);
      winBack.runDue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(optedOutAt).hasSize(customers / 2);
    optedOutAt.forEach((customer, returnedAt) -> {
      assertThat(sendsStartedAt.getOrDefault(customer, List.of()))
          .as("sends to %s after its opt-out returned at tick %d", customer, returnedAt)
          .allSatisfy(started -> assertThat(started).isLessThan(returnedAt));
      assertThat(winBack.plan(customer).orElseThrow().status())
          .isIn(PlanStatus.OPTED_OUT, PlanStatus.UNRESPONSIVE);
      assertThat(winBack.plan(customer).orElseThrow().customer().consentsToAnyChannel())
          .isFalse();
    });
  }

  private static void awaitThen(CountDownLatch go, Runnable action) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    action.run();
  }
}
