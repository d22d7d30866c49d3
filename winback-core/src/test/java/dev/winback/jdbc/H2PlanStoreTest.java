package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;

class H2PlanStoreTest extends PlanStoreContract {
  @Override
  protected PlanStore newStore() {
    return JdbcPlanStore.create(Databases.newH2()).migrate();
  }
}
