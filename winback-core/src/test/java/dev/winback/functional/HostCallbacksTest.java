package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.RunSummary;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Host callbacks cannot hang the engine: slow, re-entrant or stubborn strategies affect only their own customer. */
class HostCallbacksTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);

  @Test
  void anUnrelatedCustomersOptOutReturnsAtOnceWhileAnotherCustomersStrategyHangs()
      throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recorder host = new Recorder().answering(context -> {
      if (context.customer().id().equals("slow")) {
        hanging.countDown();
        release.await(3, TimeUnit.SECONDS); // a strategy that hangs for 3 s
      }
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(lost("slow").build());
    clock.advance(
        Duration.ofSeconds(1)); // the other customer's step comes after the slow one in the batch
    winBack.start(lost("other").build());
    winBack.start(lost("warm-up").build());
    winBack.optOut(
        "warm-up"); // the first opt-out loads classes; what is measured is waiting, not loading
    clock.advance(Duration.ofDays(1));

    CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(winBack::runDue);
    assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    winBack.optOut("other");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    release.countDown();
    run.get(10, TimeUnit.SECONDS);

    assertThat(tookMillis).isLessThan(50);
    assertThat(host.calls()).extracting(c -> c.customer().id()).containsExactly("slow");
    assertThat(winBack.plan("other").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void
      onPostgresAnOptOutOfACustomerHeldAheadInTheSameBatchReturnsAtOnceWhileAnotherCustomersStrategyHangs()
          throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recorder host = new Recorder().answering(context -> {
      if (context.customer().id().equals("slow")) {
        hanging.countDown();
        release.await(3, TimeUnit.SECONDS); // a strategy that hangs for 3 s
      }
      return StepResult.sent();
    });
    PooledDataSource pool = Databases.newPostgres();
    List<Connection> open = new ArrayList<>();
    for (int i = 0;
        i < 8;
        i++) { // a pool with idle connections, as a host's pool keeps: no connection is opened
      open.add(pool.getConnection()); // while the opt-out is timed
    }
    for (Connection connection : open) {
      connection.close();
    }
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(JdbcPlanStore.create(pool).migrate())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    for (int i = 0;
        i < 40;
        i++) { // quick sends first, so that the run holds several customers at a time
      winBack.start(lost("quick" + i).build());
      clock.advance(Duration.ofSeconds(1));
    }
    winBack.start(lost("slow").build());
    clock.advance(
        Duration.ofSeconds(1)); // the other customer's step comes right after the slow one
    winBack.start(lost("other").build());
    winBack.start(lost("warm-up").build());
    winBack.optOut("warm-up");
    clock.advance(Duration.ofDays(1));

    CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(winBack::runDue);
    assertThat(hanging.await(30, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    winBack.optOut("other");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    release.countDown();
    run.get(30, TimeUnit.SECONDS);

    assertThat(tookMillis).isLessThan(50);
    assertThat(host.calls()).extracting(c -> c.customer().id()).doesNotContain("other");
    assertThat(winBack.plan("other").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void aTimedStrategyMayCallBackIntoTheEngineForItsOwnCustomer() {
    AtomicReference<String> token = new AtomicReference<>();
    AtomicReference<WinBack> engine = new AtomicReference<>();
    Recorder host = new Recorder().answering(context -> {
      token.set(engine.get().issueReactivationToken(context.customer().id()));
      return StepResult.sent();
    });
    ReactivationTokens keys = ReactivationTokens.builder()
        .key("k1", "a secret of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8))
        .activeKey("k1")
        .build();
    try (WinBack winBack = WinBack.builder()
        .clock(clock)
        .stepTimeout(Duration.ofSeconds(5))
        .reactivationTokens(keys)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build()) {
      engine.set(winBack);
      winBack.start(lost("c1").build());
      clock.advance(Duration.ofDays(1));

      RunSummary summary = winBack.runDue();

      assertThat(summary.done()).isEqualTo(1);
      assertThat(summary.failed() + summary.retried()).isZero();
      assertThat(winBack.redeem(token.get()).customerId()).isEqualTo("c1");
    }
  }

  @Test
  void strategiesThatIgnoreInterruptsHoldAtMostABoundedNumberOfThreads() {
    CountDownLatch release = new CountDownLatch(1);
    Recorder host = new Recorder().answering(context -> {
      while (true) { // ignores interrupts until the test ends
        try {
          if (release.await(10, TimeUnit.SECONDS)) {
            return StepResult.sent();
          }
        } catch (InterruptedException ignored) {
          // stubborn
        }
      }
    });
    try (WinBack winBack = WinBack.builder()
        .clock(clock)
        .stepTimeout(Duration.ofMillis(20))
        .nodeId("stubborn")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build()) {
      for (int i = 0; i < 50; i++) {
        winBack.start(lost("c" + i).build());
      }
      clock.advance(Duration.ofDays(1));

      RunSummary summary = winBack.runDue();

      assertThat(summary.retried()).isEqualTo(50);
      assertThat(host.calls()).hasSize(32);
      assertThat(strategyThreads("stubborn")).isLessThanOrEqualTo(32);
    } finally {
      release.countDown();
    }
  }

  @Test
  void closingTheEngineStopsItsStrategyThreadsAndRunners() throws Exception {
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .stepTimeout(Duration.ofSeconds(1))
        .nodeId("closing")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(lost("c1").build());
    clock.advance(Duration.ofDays(1));
    dev.winback.Runner runner = winBack.startRunner(Duration.ofMillis(10), 1);
    while (host.calls().isEmpty()) {
      Thread.onSpinWait();
    }

    winBack.close();

    assertThat(runner.isRunning()).isFalse();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (strategyThreads("closing") > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(strategyThreads("closing")).isZero();
  }

  @Test
  void feedbackRecordedWhileAStepIsBeingSentNeverSendsThatStepAgainUnderANewKey() throws Exception {
    AtomicReference<WinBack> engine = new AtomicReference<>();
    AtomicReference<Thread> feedback = new AtomicReference<>();
    Recorder host = new Recorder();
    host.answering(context -> {
      if (feedback.get()
          == null) { // while the first step is being sent, the customer answers: it was our fault
        Thread answer = new Thread(() -> engine
            .get()
            .recordFeedback(
                "c1",
                Feedback.builder()
                    .text("The app lost my data twice")
                    .source(ReasonSource.SURVEY)
                    .receivedAt(clock.instant())
                    .category(ExitCategory.SERVICE_FAILURE)
                    .ourFault(true)
                    .build()));
        feedback.set(answer);
        answer.start();
        while (answer.isAlive() && answer.getState() == Thread.State.RUNNABLE) {
          Thread.onSpinWait(); // until it waits for this send to finish
        }
      }
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    engine.set(winBack);
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());
    clock.advance(Duration.ofDays(3)); // the goodbye (their reason is known: no question first)

    winBack.runDue();
    feedback.get().join();
    for (int day = 0; day < 200; day++) {
      clock.advance(Duration.ofDays(1));
      winBack.runDue();
    }

    List<StepContext> calls = host.calls();
    assertThat(winBack.plan("c1").orElseThrow().rule()).isNotEqualTo("price");
    assertThat(calls).extracting(StepContext::idempotencyKey).doesNotHaveDuplicates();
    assertThat(calls)
        .extracting(c -> c.step().kind())
        .doesNotHaveDuplicates()
        .contains(StepKind.APOLOGY);
  }

  private static long strategyThreads(String nodeId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("winback-strategy-" + nodeId + "-"))
        .count();
  }
}
