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
import java.util.List;
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
  void aRunCarriesOneSessionLockBetweenSendsAndLeavesNoneBehindWhenClosed() {
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
            .as("only the last send's hold is carried")
            .isEqualTo(1);
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
}
