package dev.winback.insight;

import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Every plan in a store, read page by page, for the insights to go over without loading the store at once. */
public final class StoredPlans {
  private static final int PAGE = 1_000;

  private StoredPlans() {}

  /**
   * The plans of every customer in a store, customer by customer in id order.
   *
   * @param store the store
   * @return an iterable that pages through the store each time it is iterated
   */
  public static Iterable<WinBackPlan> in(PlanStore store) {
    return () -> new Iterator<>() {
      private final Deque<String> customers = new ArrayDeque<>();
      private final Deque<WinBackPlan> plans = new ArrayDeque<>();
      private String after = "";
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (plans.isEmpty()) {
          if (customers.isEmpty()) {
            if (exhausted) {
              return false;
            }
            var page = store.customerIds(after, PAGE);
            if (page.isEmpty()) {
              exhausted = true;
              return false;
            }
            customers.addAll(page);
            after = page.get(page.size() - 1);
          }
          plans.addAll(store.plans(customers.poll()));
        }
        return true;
      }

      @Override
      public WinBackPlan next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return plans.poll();
      }
    };
  }
}
