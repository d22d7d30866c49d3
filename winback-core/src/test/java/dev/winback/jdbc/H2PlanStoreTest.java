package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;

class H2PlanStoreTest extends PlanStoreContract {
  private javax.sql.DataSource dataSource;

  @Override
  protected PlanStore newStore() {
    dataSource = Databases.newH2();
    return JdbcPlanStore.create(dataSource).migrate();
  }

  @Override
  protected void refuseJournalEventsContaining(String marker) {
    refuseJournalEventsContaining(dataSource, marker);
  }
}
