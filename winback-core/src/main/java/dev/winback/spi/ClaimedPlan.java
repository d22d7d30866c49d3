package dev.winback.spi;

import dev.winback.model.WinBackPlan;
import java.util.Objects;

/**
 * A plan a runner claimed because steps of it are due.
 *
 * @param plan the plan as stored
 * @param recovering true when the claim of a runner that stopped lapsed: steps still marked running belong to nobody
 *     and must run again, with the same idempotency key; with a store that {@linkplain PlanStore#leasesClaims()
 *     leases claims}, the plan's due step may have been run by that runner and runs again with the same key
 */
public record ClaimedPlan(WinBackPlan plan, boolean recovering) {
  /**
   * Checks the plan is present.
   *
   * @param plan the plan
   * @param recovering whether running steps are orphans
   */
  public ClaimedPlan {
    Objects.requireNonNull(plan, "plan");
  }
}
