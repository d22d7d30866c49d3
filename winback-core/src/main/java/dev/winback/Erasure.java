package dev.winback;

import dev.winback.model.EventType;
import dev.winback.model.ExitReason;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How an erased customer's records are made anonymous: what is dropped and what is kept for statistics. */
final class Erasure {
  private Erasure() {}

  /** The anonymous copy of a plan: no name, address, words, tags or host attributes; the outcome kept. */
  static WinBackPlan plan(WinBackPlan plan, String customerId, String anonymousId, Instant now) {
    LostCustomer customer = plan.customer();
    List<ExitReason> reasons = new ArrayList<>();
    for (ExitReason reason : customer.exitReasons()) {
      reasons.add(
          ExitReason.builder().from(reason).verbatim(java.util.Optional.empty()).build());
    }
    LostCustomer.Builder anonymous = LostCustomer.builder()
        .id(anonymousId)
        .displayName("erased")
        .lostAt(customer.lostAt())
        .churnSignal(customer.churnSignal())
        .exitReasons(reasons)
        .value(customer.value())
        .segment(customer.segment())
        .suppression(Suppression.ERASED);
    customer
        .newArrangement()
        .flatMap(NewArrangement::competitor)
        .ifPresent(competitor -> anonymous.newArrangement(
            NewArrangement.builder().competitor(competitor).build()));
    List<PlanStep> steps = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      steps.add(
          step.status().isFinal()
              ? PlanStep.builder()
                  .from(step)
                  .outcome(step.status().name().toLowerCase(java.util.Locale.ROOT))
                  .build()
              : PlanStep.builder()
                  .from(step)
                  .status(StepStatus.CANCELLED)
                  .completedAt(now)
                  .outcome("cancelled: the customer's data was erased")
                  .build());
    }
    WinBackPlan.Builder copy = WinBackPlan.builder()
        .from(plan)
        .id(anonymousId + plan.id().substring(customerId.length()))
        .customer(anonymous.build())
        .steps(steps);
    if (plan.status().isActive()) {
      copy.status(PlanStatus.SUPPRESSED).endedAt(now);
    }
    return copy.build();
  }

  /**
   * The anonymous copy of a journal event: filed under the anonymous ids; details that may carry text from the host
   * (its references and reasons, consent sources) are replaced by the event's kind, the engine's own details kept.
   */
  static JournalEvent event(JournalEvent event, String customerId, String anonymousId) {
    JournalEvent.Builder copy = JournalEvent.builder()
        .from(event)
        .customerId(anonymousId)
        .planId(anonymousId + event.planId().substring(customerId.length()));
    if (HOST_TEXT.contains(event.type())) {
      copy.detail(event.stepKind().map(kind -> kind + " ").orElse("")
          + event.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + " (detail removed at erasure)");
    }
    return copy.build();
  }

  private static final java.util.Set<EventType> HOST_TEXT = java.util.EnumSet.of(
      EventType.STEP_DONE,
      EventType.STEP_CARRIED,
      EventType.STEP_SKIPPED,
      EventType.STEP_FAILED,
      EventType.STEP_RETRY_SCHEDULED,
      EventType.CONSENT_CHANGED,
      EventType.RESPONSE_RECORDED);
}
