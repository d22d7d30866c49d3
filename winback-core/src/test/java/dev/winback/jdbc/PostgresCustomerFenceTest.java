package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.nio.charset.StandardCharsets;

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
}
