package dev.winback;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.spi.PlanStore;
import dev.winback.testing.CapturedLog;
import dev.winback.testing.Recorder;
import dev.winback.testing.StoreProxies;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The built-in runner backs off while runs fail, says so once, and comes back to its interval once they work. */
class RunnerTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  @Test
  void thePauseDoublesWithEachFailureUpToTheCap() {
    try (WinBack winBack = engine(PlanStore.inMemory());
        Runner runner = new Runner(winBack, clock, Duration.ofSeconds(10), 1)) {
      runner.close();
      assertThat(runner.backoff(1)).isEqualTo(Duration.ofSeconds(20));
      assertThat(runner.backoff(3)).isEqualTo(Duration.ofSeconds(80));
      assertThat(runner.backoff(5)).isEqualTo(Duration.ofSeconds(300));
      assertThat(runner.backoff(1000)).isEqualTo(Runner.MAX_BACKOFF);
    }
    try (WinBack winBack = engine(PlanStore.inMemory());
        Runner slow = new Runner(winBack, clock, Duration.ofMinutes(10), 1)) {
      slow.close();
      assertThat(slow.backoff(4)).isEqualTo(Duration.ofMinutes(10));
    }
  }

  @Test
  void aRunnerOnAFailingStoreBacksOffLogsOnceAndRecovers() throws Exception {
    AtomicBoolean down = new AtomicBoolean(false);
    PlanStore store = StoreProxies.failingWhile(PlanStore.inMemory(), down::get);
    WinBack winBack = engine(store);
    winBack.start(lost("c1").build());
    down.set(true);

    String log = CapturedLog.during(() -> {
      try (Runner runner = winBack.startRunner(Duration.ofMillis(5), 2)) {
        waitFor(() -> runner.failuresInARow() >= 4);
        assertThat(runner.lastSuccessAt()).isEmpty();
        assertThat(host.calls()).isEmpty();

        down.set(false);
        waitFor(() -> runner.failuresInARow() == 0 && runner.lastSuccessAt().isPresent());
        waitFor(() -> host.calls().size() == 1);
        assertThat(runner.isRunning()).isTrue();
      }
    });

    assertThat(log.lines().filter(line -> line.contains("the runner backs off")))
        .hasSize(1);
    assertThat(log).contains("StoreException");
    assertThat(log.lines().filter(line -> line.contains("works again")).count()).isBetween(1L, 2L);
  }

  @Test
  void anErrorFromTheStoreIsAFailedRunNotTheEndOfTheRunner() {
    AtomicBoolean broken = new AtomicBoolean(false);
    WinBack winBack = engine(StoreProxies.throwingWhile(
        PlanStore.inMemory(), broken::get, () -> new NoClassDefFoundError("org/example/Driver")));
    winBack.start(lost("c1").build());
    broken.set(true);

    try (Runner runner = winBack.startRunner(Duration.ofMillis(5), 1)) {
      waitFor(() -> runner.failuresInARow() >= 2);
      assertThat(host.calls()).isEmpty();

      broken.set(false);
      waitFor(() -> host.calls().size() == 1);
      waitFor(() -> runner.failuresInARow() == 0);
    }
  }

  @Test
  void aClosedRunnerStopsAndReportsIt() {
    WinBack winBack = engine(PlanStore.inMemory());
    Runner runner = winBack.startRunner(Duration.ofMillis(5), 1);
    waitFor(() -> runner.lastSuccessAt().isPresent());

    runner.close();

    assertThat(runner.isRunning()).isFalse();
    assertThat(runner.lastSuccessAt()).contains(LOST_AT);
  }

  private WinBack engine(PlanStore store) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  /** Waits for another thread's work, failing after ten seconds. */
  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited ten seconds").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
