package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.EventType;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresCustomerFenceTest extends CustomerFenceContract {
  private PooledDataSource dataSource;

  @Override
  protected PlanStore newStore() {
    dataSource = Databases.newPostgres();
    return JdbcPlanStore.create(dataSource).migrate();
  }

  @Override
  protected SuppressionList newSuppressionList() {
    return JdbcSuppressionList.create(
        dataSource, "a fingerprint key of 32 bytes ok".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected boolean transactional() {
    return true;
  }

  /** An advisory lock of this database that some session waits for. */
  @Override
  protected void awaitWaitingForTheFence(Thread waiting) {
    JdbcTests.awaitCondition(
        "a session waits for an advisory lock",
        () -> JdbcTests.count(
                dataSource,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            > 0);
  }

  @Test
  void aRunWithoutExpectedSendsCarriesAtMostOneHoldAndLeavesNoneBehindWhenClosed() {
    for (String customer : List.of("a", "b", "c")) {
      WinBackPlan plan = PlanStoreContract.plan(customer, LOST_AT, 0);
      store.insertIfAbsent(
          plan, List.of(PlanStoreContract.event(plan, EventType.PLAN_STARTED, "started")));
    }
    try (CustomerFence.Sends sends = store.fence().sends()) {
      for (String customer : List.of("a", "b", "c")) {
        assertThat(sends.send(
                customer, PlanStoreContract.plan(customer, LOST_AT, 0).id(), 0, () -> "sent"))
            .contains("sent");
        assertThat(advisoryLocksHeld())
            .as("only the last send's hold is carried, and only for a few milliseconds")
            .isLessThanOrEqualTo(1);
      }
    }
    assertThat(advisoryLocksHeld()).isZero();
  }

  private long advisoryLocksHeld() {
    return JdbcTests.count(
        dataSource,
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  }

  @Test
  void
      holdsTakenAheadOrCarriedGoWhileAnotherCustomersSendHangsAndLaterSendsSeeWhatWasDecidedMeanwhile()
          throws Exception {
    List<WinBackPlan> plans = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      WinBackPlan plan = PlanStoreContract.plan("g" + i, LOST_AT, 0);
      store.insertIfAbsent(
          plan, List.of(PlanStoreContract.event(plan, EventType.PLAN_STARTED, "started")));
      plans.add(plan);
    }
    try (CustomerFence.Sends sends = store.fence().sends()) {
      plans.forEach(plan -> sends.expect(plan.customer().id(), plan.id()));
      int next = 0;
      while (next < 30
          && advisoryLocksHeld() < 3) { // quick sends: the run takes its holds in growing groups
        WinBackPlan plan = plans.get(next++);
        assertThat(sends.send(plan.customer().id(), plan.id(), 0, () -> "sent")).contains("sent");
      }
      assertThat(advisoryLocksHeld())
          .as("holds of several customers at once")
          .isGreaterThanOrEqualTo(3);

      WinBackPlan hanging = plans.get(next);
      List<WinBackPlan> neighbours =
          List.of(plans.get(next - 2), plans.get(next - 1), plans.get(next + 1));
      WinBackPlan decidedMeanwhile = plans.get(next + 1);
      List<Duration> waited = new ArrayList<>();
      Optional<String> hung = sends.send(hanging.customer().id(), hanging.id(), 0, () -> {
        for (WinBackPlan neighbour :
            neighbours) { // the host hangs here until every decision has returned
          long start = System.nanoTime();
          try {
            new Worker<>(() -> store
                    .fence()
                    .decide(
                        neighbour.customer().id(),
                        () -> neighbour == decidedMeanwhile
                            && store.update(PlanStoreContract.next(neighbour), List.of())))
                .result();
          } catch (Exception e) {
            throw new IllegalStateException("a decision about another customer did not return", e);
          }
          waited.add(Duration.ofNanos(System.nanoTime() - start));
        }
        JdbcTests.awaitCondition(
            "only the hanging send's hold is left", () -> advisoryLocksHeld() == 1);
        return "sent at last";
      });

      assertThat(hung).contains("sent at last");
      assertThat(waited).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
      assertThat(
              sends.send(decidedMeanwhile.customer().id(), decidedMeanwhile.id(), 0, () -> "stale"))
          .as("a send decided on the version before the decision")
          .isEmpty();
      WinBackPlan after = plans.get(next + 2);
      assertThat(sends.send(after.customer().id(), after.id(), 0, () -> "sent")).contains("sent");
    }
    assertThat(advisoryLocksHeld()).isZero();
  }
}
