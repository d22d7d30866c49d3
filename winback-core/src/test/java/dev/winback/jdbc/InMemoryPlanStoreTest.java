package dev.winback.jdbc;

import dev.winback.spi.PlanStore;

class InMemoryPlanStoreTest extends PlanStoreContract {
  @Override
  protected PlanStore newStore() {
    return PlanStore.inMemory();
  }

  @Override
  protected boolean leases() {
    return false;
  }
}
