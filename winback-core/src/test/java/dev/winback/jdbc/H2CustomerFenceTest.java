package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.nio.charset.StandardCharsets;

class H2CustomerFenceTest extends CustomerFenceContract {
  private PooledDataSource dataSource;

  @Override
  protected PlanStore newStore() {
    dataSource = Databases.newH2();
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

  /** A session of this database blocked by another's lock. */
  @Override
  protected void awaitWaitingForTheFence(Thread waiting) {
    JdbcTests.awaitCondition(
        "a session waits for a row lock",
        () -> JdbcTests.count(
                dataSource,
                "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
            > 0);
  }
}
