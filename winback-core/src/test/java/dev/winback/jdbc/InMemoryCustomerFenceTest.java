package dev.winback.jdbc;

import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;

class InMemoryCustomerFenceTest extends CustomerFenceContract {
  @Override
  protected PlanStore newStore() {
    return PlanStore.inMemory();
  }

  @Override
  protected SuppressionList newSuppressionList() {
    return SuppressionList.inMemory();
  }

  @Override
  protected boolean transactional() {
    return false;
  }

  /** The thread parks on the customer's lock. */
  @Override
  protected void awaitWaitingForTheFence(Thread waiting) {
    JdbcTests.awaitCondition(
        "the thread waits for the lock", () -> waiting.getState() == Thread.State.WAITING);
  }
}
