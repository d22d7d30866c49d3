package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads calling runDue at once never run a step twice. */
class ConcurrentRunTest {
  /** The standard plan for an unknown reason: ask at day 0, goodbye at 3, thank-you at 21, second chance at 90. */
  private static final int[] DAYS_TO_NEXT_STEP = {3, 18, 69, 1};

  @Test
  void concurrentRunDueNeverRunsAStepTwice() throws Exception {
    ManualClock clock = ManualClock.at(LOST_AT);
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    Recorder host = new Recorder().answering(c -> {
      runs.computeIfAbsent(c.idempotencyKey() + "/" + c.attempt(), k -> new AtomicInteger())
          .incrementAndGet();
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .batchSize(50)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    int customers = 2_000;
    for (int i = 0; i < customers; i++) {
      winBack.start(lost("c" + i).build());
    }

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 4; round++) {
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(pool.submit(() -> {
            together.await();
            return winBack.runDue().total();
          }));
        }
        int total = 0;
        for (Future<Integer> result : results) {
          total += result.get();
        }
        assertThat(total).as("steps handled in round %d", round).isEqualTo(customers);
        clock.advance(Duration.ofDays(DAYS_TO_NEXT_STEP[round]));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(runs).hasSize(customers * 4);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }
}
