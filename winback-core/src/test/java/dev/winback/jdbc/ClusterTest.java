package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.PlanStatus;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
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

/**
 * Four runners on one database, PostgreSQL (20,000 due steps) or H2 (4,000): every step executed, none twice. The
 * runners are separate engines, as on separate nodes, so only the store's claims keep them apart.
 */
class ClusterTest {
  private static final int[] STAGES = {0, 3, 21, 90
  }; // the four steps of the standard plan for an unknown reason

  @Test
  void fourRunnersOnPostgresExecuteEveryStepExactlyOnce() throws Exception {
    fourRunnersExecuteEveryStepExactlyOnce(Databases.newPostgres(), 5_000);
  }

  @Test
  void fourRunnersOnH2ExecuteEveryStepExactlyOnce() throws Exception {
    fourRunnersExecuteEveryStepExactlyOnce(Databases.newH2(), 1_000);
  }

  private static void fourRunnersExecuteEveryStepExactlyOnce(
      PooledDataSource dataSource, int customers) throws Exception {
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    ManualClock clock = ManualClock.at(LOST_AT);
    Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    List<WinBack> runners = new ArrayList<>();
    for (int node = 0; node < 4; node++) {
      runners.add(WinBack.builder()
          .clock(clock)
          .store(store)
          .playbook(InfraPlaybook.create())
          .nodeId("node-" + node)
          .batchSize(100)
          .feedback(c -> record(executions, c.idempotencyKey()))
          .apology(c -> record(executions, c.idempotencyKey()))
          .incentives(c -> record(executions, c.idempotencyKey()))
          .reEngagement(c -> record(executions, c.idempotencyKey()))
          .build());
    }
    for (int i = 0; i < customers; i++) {
      runners.get(i % 4).start(lost("c" + i).build());
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int stage : STAGES) {
        clock.set(LOST_AT.plus(Duration.ofDays(stage)).plusSeconds(1));
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<Integer>> done = new ArrayList<>();
        for (WinBack runner : runners) {
          done.add(pool.submit(() -> {
            together.await();
            return runner.runDue().done();
          }));
        }
        int total = 0;
        for (Future<Integer> result : done) {
          total += result.get();
        }
        assertThat(total).as("steps done at day %d", stage).isEqualTo(customers);
      }
    } finally {
      pool.shutdownNow();
      dataSource.closeAll();
    }

    assertThat(executions).hasSize(4 * customers);
    assertThat(executions.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    for (int i = 0; i < customers; i += 97) {
      assertThat(runners.get(0).plan("c" + i).orElseThrow().status())
          .isEqualTo(PlanStatus.UNRESPONSIVE);
    }
  }

  private static StepResult record(Map<String, AtomicInteger> executions, String key) {
    executions.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return StepResult.sent();
  }
}
