package dev.winback.spi;

import dev.winback.model.Suppression;
import java.util.Map;

/** Looks inside the stock in-memory store and suppression list, for tests that prove nothing was written. */
public final class StockStores {
  private StockStores() {}

  /**
   * Everything an in-memory store holds, as text.
   *
   * @param store a store made by {@link PlanStore#inMemory()}
   * @return its contents
   */
  public static String dump(PlanStore store) {
    return ((InMemoryPlanStore) store).dump();
  }

  /**
   * Every entry of an in-memory suppression list.
   *
   * @param list a list made by {@link SuppressionList#inMemory}
   * @return its fingerprints and reasons
   */
  public static Map<String, Suppression> entries(SuppressionList list) {
    return ((InMemorySuppressionList) list).entries();
  }
}
