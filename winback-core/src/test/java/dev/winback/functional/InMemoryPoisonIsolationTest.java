package dev.winback.functional;

import dev.winback.spi.PlanStore;

class InMemoryPoisonIsolationTest extends PoisonIsolationContract {
  @Override
  protected PlanStore newStore() {
    return PlanStore.inMemory();
  }
}
