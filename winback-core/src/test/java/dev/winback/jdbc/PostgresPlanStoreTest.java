package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.time.Duration;

class PostgresPlanStoreTest extends PlanStoreContract {
  private PooledDataSource dataSource;

  @Override
  protected PlanStore newStore() {
    dataSource = Databases.newPostgres();
    return JdbcPlanStore.create(dataSource).migrate();
  }

  @Override
  protected PlanStore later(Duration by) {
    return ((JdbcPlanStore) store).withLeaseClockAhead(by);
  }

  @Override
  protected boolean refuseJournalEventsContaining(String marker) {
    JdbcTests.execute(
        dataSource,
        "ALTER TABLE winback_journal ADD CONSTRAINT test_refused " + "CHECK (body NOT LIKE '%"
            + marker + "%')");
    return true;
  }
}
