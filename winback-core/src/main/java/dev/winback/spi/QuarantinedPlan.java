package dev.winback.spi;

import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A plan taken out of the due order because WinBack could not go on with it (status
 * {@link dev.winback.model.PlanStatus#QUARANTINED}): for operators, who look at the customer's record, mend or erase
 * it. Nobody is contacted by a quarantined plan.
 *
 * @param planId the plan's id
 * @param customerId its customer's id
 * @param at when it was quarantined: the time of its {@link EventType#PLAN_QUARANTINED} event
 * @param reason why, by the failure's type only (never personal data): that event's detail
 */
public record QuarantinedPlan(String planId, String customerId, Instant at, String reason) {
  /**
   * Checks the components.
   *
   * @param planId the plan's id
   * @param customerId its customer's id
   * @param at when it was quarantined
   * @param reason why
   */
  public QuarantinedPlan {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A quarantined plan as its customer's journal describes it: when and why from the plan's latest
   * {@link EventType#PLAN_QUARANTINED} event; without one, when the plan ended and "unknown".
   *
   * @param plan the plan
   * @param journal its customer's journal
   * @return the description
   */
  public static QuarantinedPlan of(WinBackPlan plan, List<JournalEvent> journal) {
    JournalEvent last = null;
    for (JournalEvent event : journal) {
      if (event.type() == EventType.PLAN_QUARANTINED && event.planId().equals(plan.id())) {
        last = event;
      }
    }
    return last != null
        ? new QuarantinedPlan(plan.id(), plan.customer().id(), last.at(), last.detail())
        : new QuarantinedPlan(
            plan.id(), plan.customer().id(), plan.endedAt().orElse(plan.startedAt()), "unknown");
  }
}
