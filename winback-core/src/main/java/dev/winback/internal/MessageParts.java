package dev.winback.internal;

import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which steps may ride in one message with a step being sent: the plan's next pending steps, in order (past steps
 * already finished), on the same channel, falling due within the playbook's window of the first. A feedback request the customer has
 * already answered never rides along (it is skipped on its own). Stateless.
 */
public final class MessageParts {
  private MessageParts() {}

  /**
   * The candidates to carry with a lead step, before their own last checks.
   *
   * @param plan the plan, with the lead step running
   * @param lead the step being sent
   * @param window the playbook's {@code combineWithin}
   * @return the following steps that may ride along, in plan order; empty when none
   */
  public static List<PlanStep> candidates(WinBackPlan plan, PlanStep lead, Duration window) {
    if (window.isZero()) {
      return List.of();
    }
    Instant latest = lead.dueAt().plus(window);
    List<PlanStep> parts = new ArrayList<>();
    for (int i = lead.index() + 1; i < plan.steps().size(); i++) {
      PlanStep next = plan.step(i);
      if (next.status().isFinal()) {
        continue; // skipped or cancelled: nothing to send, and nothing between the parts
      }
      if (next.status() != StepStatus.PENDING
          || next.channel() != lead.channel()
          || next.dueAt().isAfter(latest)
          || (next.kind() == StepKind.FEEDBACK_REQUEST
              && plan.feedbackReceivedAt().isPresent())) {
        break;
      }
      parts.add(next);
    }
    return parts;
  }
}
