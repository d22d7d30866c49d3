package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.model.PlanStatus;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A customer coming back through their link while runners send is a decision like an opt-out: once the come-back
 * has returned, no message to them starts, and a message under way when they clicked has finished.
 */
class ComeBackRaceTest {

  @RepeatedTest(10)
  void noMessageStartsAfterTheComeBackHasReturned() throws Exception {
    ManualClock clock = ManualClock.at(LOST_AT);
    AtomicLong ticks = new AtomicLong();
    Map<String, Long> cameBackAt = new ConcurrentHashMap<>();
    Map<String, List<Long>> sendsStartedAt = new ConcurrentHashMap<>();
    Recorder host = new Recorder().answering(context -> {
      long started = ticks.incrementAndGet();
      sendsStartedAt
          .computeIfAbsent(context.customer().id(), k -> new CopyOnWriteArrayList<>())
          .add(started);
      Thread.onSpinWait(); // a send takes a moment, widening the race
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .batchSize(16)
        .reactivationTokens(ReactivationTokens.builder()
            .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
            .validFor(Duration.ofDays(365))
            .build())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    int customers = 400;
    Map<String, String> links = new ConcurrentHashMap<>();
    for (int i = 0; i < customers; i++) {
      winBack.start(lost("c" + i).build());
      if (i % 2 == 1) {
        links.put("c" + i, winBack.issueReactivationToken("c" + i));
      }
    }
    clock.advance(Duration.ofDays(100)); // every step of every plan is due at once

    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<?> runnerA = pool.submit(() -> awaitThen(go, winBack::runDue));
      Future<?> runnerB = pool.submit(() -> awaitThen(go, winBack::runDue));
      Future<?> comeBacks = pool.submit(() -> awaitThen(go, () -> {
        for (int i = customers - 1; i >= 0; i -= 2) {
          winBack.links().comeBack(links.get("c" + i));
          cameBackAt.put("c" + i, ticks.incrementAndGet());
        }
      }));
      go.countDown();
      runnerA.get(30, TimeUnit.SECONDS);
      runnerB.get(30, TimeUnit.SECONDS);
      comeBacks.get(30, TimeUnit.SECONDS);
      winBack.runDue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(cameBackAt).hasSize(customers / 2);
    cameBackAt.forEach((customer, returnedAt) -> {
      assertThat(sendsStartedAt.getOrDefault(customer, List.of()))
          .as("sends to %s after its come-back returned at tick %d", customer, returnedAt)
          .allSatisfy(started -> assertThat(started).isLessThan(returnedAt));
      assertThat(winBack.plan(customer).orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
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
