package dev.winback.functional;

import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;

class H2PoisonIsolationTest extends PoisonIsolationContract {
  @Override
  protected PlanStore newStore() {
    return JdbcPlanStore.create(Databases.newH2()).migrate();
  }
}
